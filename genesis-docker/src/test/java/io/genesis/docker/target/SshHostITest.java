package io.genesis.docker.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.Health;
import io.genesis.docker.engine.EngineClient;
import io.genesis.docker.engine.EngineException;
import io.genesis.docker.testing.DockerFixture;
import io.genesis.docker.testing.SampleImages;
import io.genesis.docker.testing.TestSshd;
import io.genesis.docker.testing.Traffic;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code DOCKER_HOST=ssh://user@host} as the docker command does it: each exchange goes through
 * {@code ssh … docker system dial-stdio} to a real sshd on 127.0.0.1 whose sessions reach the test engine.
 */
class SshHostITest {

    private DockerFixture fixture;
    private TestSshd sshd;

    @BeforeEach
    void start() {
        fixture = new DockerFixture("staging");
        sshd = TestSshd.start(fixture.engine.newDirectory("s"), fixture.engine.host());
    }

    @AfterEach
    void stop() {
        fixture.close();
        sshd.close();
    }

    @Test
    void shouldDeployThroughAnSshHost() {
        String image = SampleImages.base(fixture.client());
        EngineClient overSsh = new EngineClient(sshd.host(), sshd.ssh());
        assertThat(overSsh.version()).isEqualTo(fixture.client().version());

        DockerTargets targets = new DockerTargets(Map.of(), fixture.proxyDir, "haproxy", sshd.ssh(), Clock.systemUTC());
        Map<String, String> settings = new java.util.HashMap<>(fixture.settings(image, Map.of()));
        settings.put(DockerSettings.HOST, sshd.host().toString());
        DockerTarget target = targets.open(fixture.key, targets.spec(settings));
        DeploymentContext context = fixture.context("r-ssh", "1.0.0");

        target.deployCandidate(context);
        Health health = DockerFixture.awaitSettled(target, context);
        target.setWeight(context, io.genesis.core.policy.Percentage.HUNDRED);

        assertThat(health.isHealthy()).as(health.message()).isTrue();
        assertThat(target.describe()).contains("on " + sshd.host());
        assertThat(targets.spec(settings).settings())
                .containsEntry(DockerSettings.HOST, sshd.host().toString());
        assertThat(fixture.runs("1.0.0")).isTrue();
        assertThat(Traffic.count(fixture.proxyPort, 10)).containsOnlyKeys("1.0.0");
    }

    @Test
    void shouldSayWhatSshSaidWhenItCannotLogIn() {
        EngineClient stranger = new EngineClient(sshd.host(), sshd.sshAsStranger());

        assertThatThrownBy(stranger::version)
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(
                        "read the engine's version: the Docker engine at " + sshd.host() + " did not answer")
                .hasMessageContaining("docker system dial-stdio' exit 255")
                .hasMessageContaining("ssh said:")
                .hasMessageContaining("Permission denied");
    }
}
