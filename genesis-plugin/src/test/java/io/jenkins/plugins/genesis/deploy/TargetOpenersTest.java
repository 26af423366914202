package io.jenkins.plugins.genesis.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetOpenersTest {

    private static TargetOpener named(String kind) {
        return new TargetOpener() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
                throw new IllegalStateException("opened " + kind);
            }
        };
    }

    @Test
    void shouldOpenWithTheOpenerOfTheSpecsKind() {
        TargetOpeners openers = new TargetOpeners(() -> List.of(named("docker"), named("kubernetes")));

        assertThatThrownBy(() -> openers.open(DeploymentKey.of("shop", "staging"), TargetSpec.of("kubernetes")))
                .hasMessage("opened kubernetes");
    }

    @Test
    void shouldNameTheInstalledKindsForAnUnknownOne() {
        TargetOpeners openers = new TargetOpeners(() -> List.of(named("kubernetes"), named("docker")));

        assertThatThrownBy(() -> openers.open(DeploymentKey.of("shop", "staging"), TargetSpec.of("nomad")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nomad'")
                .hasMessageContaining("docker, kubernetes");
    }

    @Test
    void shouldSayWhenNoOpenerIsInstalled() {
        TargetOpeners openers = new TargetOpeners(List::of);

        assertThatThrownBy(() -> openers.open(DeploymentKey.of("shop", "staging"), TargetSpec.of("kubernetes")))
                .hasMessageContaining("none");
    }
}
