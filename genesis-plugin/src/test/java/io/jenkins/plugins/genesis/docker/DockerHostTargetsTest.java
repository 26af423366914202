package io.jenkins.plugins.genesis.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Environments;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import io.genesis.docker.target.DockerTarget;
import io.genesis.docker.target.DockerTargets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkins side of {@code docker(...)} without Jenkins: the step's settings, the environment's trusted
 * target merged with the Jenkinsfile's by the engine's rule, and the Docker module's target opened from the
 * result (opening reaches no engine yet).
 */
class DockerHostTargetsTest {

    @TempDir
    Path home;

    private final Map<String, Map<String, String>> configured = new HashMap<>();

    private DockerHostTargets targets() {
        return new DockerHostTargets(
                environment -> new DockerHostTargets.Trusted(
                        Environments.defaults().named(environment).withProtected(environment.equals("production")),
                        configured.getOrDefault(environment, Map.of())),
                new DockerTargets(Map.of(), home, "haproxy", Clock.systemUTC()));
    }

    @Test
    void shouldDescribeTheTargetByTheDockerModulesKeysOnly() {
        DockerHostTarget target = new DockerHostTarget();
        target.setImage(" shop:1.4.0 ");
        target.setProxyPort(8080);
        target.setReplicas(2);
        target.setHost("");

        TargetSpec spec = target.spec(null);

        assertThat(spec.kind()).isEqualTo("docker");
        assertThat(spec.settings()).isEqualTo(Map.of("image", "shop:1.4.0", "proxyPort", "8080", "replicas", "2"));
        assertThat(target.getHost()).isNull();
    }

    @Test
    void shouldOpenTheTargetTheJenkinsfileNamesForAnOpenEnvironment() {
        DockerTarget opened = (DockerTarget) targets()
                .open(
                        DeploymentKey.of("shop", "staging"),
                        new TargetSpec(
                                "docker",
                                Map.of(
                                        "host", "unix:///tmp/genesis-test.sock",
                                        "image", "shop:1.4.0",
                                        "proxyPort", "8080")));

        assertThat(opened.settings().host().toString()).isEqualTo("unix:///tmp/genesis-test.sock");
        assertThat(opened.settings().proxyDir()).isEqualTo(home.resolve(".genesis/docker"));
        assertThat(opened.describe()).contains("proxy 127.0.0.1:8080");
    }

    @Test
    void shouldTakeTheEngineOfAProtectedEnvironmentFromTheGlobalConfigurationOnly() {
        configured.put("production", Map.of("host", "unix:///srv/docker.sock", "proxyPort", "80"));
        Map<String, String> requested = Map.of("image", "shop:1.4.0");

        assertThat(targets().settings("production", requested))
                .containsEntry("host", "unix:///srv/docker.sock")
                .containsEntry("proxyPort", "80")
                .containsEntry("image", "shop:1.4.0");
        assertThatThrownBy(() ->
                        targets().settings("production", Map.of("image", "shop:1.4.0", "host", "tcp://127.0.0.1:2375")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host")
                .hasMessageContaining(DockerHostTargets.REQUESTED);
        assertThatThrownBy(() ->
                        targets().open(DeploymentKey.of("shop", "staging"), new TargetSpec("kubernetes", Map.of())))
                .hasMessageContaining("target kind 'kubernetes' is not docker");
    }
}
