package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.docker.target.DockerTargets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker kind without an engine: checking settings and opening a target send no request. */
class DockerKindTest {

    private static final DeploymentKey KEY = DeploymentKey.of("shop", "staging");

    @TempDir
    Path dir;

    private DockerKind kind() {
        return new DockerKind(
                new DockerTargets(Map.of("DOCKER_HOST", "unix:///tmp/no-such.sock"), dir, "haproxy", Clock.systemUTC()),
                10);
    }

    @Test
    void shouldStoreEverySettingWithItsDefaultsAndMeasureTheCandidate() {
        DockerKind kind = kind();
        List<String> log = new ArrayList<>();

        TargetSpec spec =
                kind.newTarget(KEY, new Version("1.4.0"), Map.of("image", "shop:1.4.0", "proxyPort", "8080"), log::add);

        assertThat(spec.kind()).isEqualTo("docker");
        assertThat(spec.settings())
                .containsEntry("host", "unix:///tmp/no-such.sock")
                .containsEntry("proxyDir", dir.resolve(".genesis/docker").toString())
                .containsEntry("replicas", "1");
        assertThat(log)
                .singleElement()
                .asString()
                .contains("docker shop/staging")
                .contains("shop:1.4.0");
        MetricSpec metrics = kind.metricsFor(KEY, spec).orElseThrow();
        assertThat(metrics.settings()).containsEntry("version", "1.4.0").containsEntry("minRequests", "10");
        assertThat(kind.lock(spec)).containsInstanceOf(FileRolloutLock.class);
        assertThat(kind.livesInProcess()).isFalse();
    }

    @Test
    void shouldRefuseUnknownAndMissingSettingsNamingTheKnownOnes() {
        DockerKind kind = kind();

        assertThatThrownBy(() -> kind.check(KEY, Map.of("image", "shop:1", "proxyPort", "80", "namespace", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown docker target setting 'namespace'; known: healthPath");
        assertThatThrownBy(() -> kind.check(KEY, Map.of("image", "shop:1")))
                .hasMessageContaining("proxyPort is required");
        assertThat(kind.settingNames()).contains("image", "proxyPort", "replicas", "host");
    }
}
