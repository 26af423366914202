package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.probe.HttpProbeSettings;
import io.genesis.core.monitor.probe.HttpProbeSource;
import io.genesis.core.monitor.prometheus.PrometheusSettings;
import io.genesis.core.monitor.prometheus.PrometheusSource;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetKindsTest {

    @Test
    void shouldNameTheKnownKindsWhenAskedForAnUnknownOne() {
        TargetKinds kinds = TargetKinds.builtIn();

        assertThatThrownBy(() -> kinds.named("nomad"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown target 'nomad'; known: sandbox (sample versions behind a weighted proxy on"
                        + " 127.0.0.1, inside this process), kubernetes (Deployments and Services in a cluster, reached"
                        + " with a kubeconfig, in-cluster, or an API URL and token), docker (containers on a Docker host"
                        + " (DOCKER_HOST) behind an HAProxy on 127.0.0.1 that Genesis runs)");
        assertThatThrownBy(() -> kinds.open(DeploymentKey.of("shop", "staging"), TargetSpec.of("nomad")))
                .hasMessageStartingWith("unknown target 'nomad'");
        assertThat(kinds.find("kubernetes")).containsInstanceOf(KubernetesKind.class);
        assertThat(kinds.find("docker")).containsInstanceOf(DockerKind.class);
        assertThat(kinds.find("nomad")).isEmpty();
        assertThatThrownBy(() -> kinds.open(MetricSpec.of("datadog")))
                .hasMessageStartingWith(
                        "unknown metric source 'datadog'; known: prometheus, scrape, web, httpProbe, tests, and the"
                                + " measurements of the ");
        assertThat(kinds.open(new PrometheusSettings(
                                URI.create("http://127.0.0.1:9090"),
                                Map.of(Metric.ERROR_RATE, "up"),
                                Duration.ofSeconds(1))
                        .spec()))
                .isInstanceOf(PrometheusSource.class);
        assertThat(kinds.open(
                        HttpProbeSettings.of("http://127.0.0.1:8080/healthz").spec()))
                .isInstanceOf(HttpProbeSource.class);
    }

    @Test
    void shouldOpenTargetsOfTheirKind() {
        RecordingKind recording = new RecordingKind();
        TargetKinds kinds = new TargetKinds(List.of(recording));

        assertThat(kinds.open(DeploymentKey.of("shop", "staging"), TargetSpec.of("recording")))
                .isSameAs(recording.target);
    }

    @Test
    void shouldRefuseAKindRegisteredTwice() {
        assertThatThrownBy(() -> new TargetKinds(List.of(new RecordingKind(), new RecordingKind())))
                .hasMessage("target kind 'recording' is registered twice");
    }

    @Test
    void shouldCloseEveryKind() {
        RecordingKind recording = new RecordingKind();
        SandboxKind sandbox = SandboxKind.standard();

        new TargetKinds(List.of(recording, sandbox)).close();

        assertThat(recording.closed).isEqualTo(1);
        assertThat(sandbox.sandbox()).isEmpty();
    }
}
