package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetKindsTest {

    @Test
    void shouldNameTheKnownKindsWhenAskedForAnUnknownOne() {
        TargetKinds kinds = TargetKinds.builtIn();

        assertThatThrownBy(() -> kinds.named("nomad"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown target 'nomad'; known: sandbox (sample versions behind a weighted proxy on"
                        + " 127.0.0.1, inside this process), kubernetes (Deployments and Services in a cluster, reached"
                        + " with a kubeconfig, in-cluster, or an API URL and token)");
        assertThatThrownBy(() -> kinds.open(DeploymentKey.of("shop", "staging"), TargetSpec.of("nomad")))
                .hasMessageStartingWith("unknown target 'nomad'");
        assertThat(kinds.find("kubernetes")).containsInstanceOf(KubernetesKind.class);
        assertThat(kinds.find("nomad")).isEmpty();
        assertThatThrownBy(() -> kinds.open(MetricSpec.of("prometheus")))
                .hasMessageStartingWith("unknown target 'prometheus'");
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
