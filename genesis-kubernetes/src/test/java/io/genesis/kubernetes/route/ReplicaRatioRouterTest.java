package io.genesis.kubernetes.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicaRatioRouterTest {

    @ParameterizedTest
    @CsvSource({
        "4, 0, 0, 4",
        "4, 0.01, 1, 3",
        "4, 10, 1, 3",
        "4, 50, 2, 2",
        "4, 99.9, 3, 1",
        "4, 100, 4, 0",
        "10, 25, 3, 7",
        "1, 50, 1, 1",
        "1, 100, 1, 0"
    })
    void shouldSplitReplicasNeverStarvingEitherSideBeforeTheEnds(int total, double weight, int canary, int stable) {
        ReplicaRatioRouter.Split split = ReplicaRatioRouter.split(total, new Percentage(weight));

        assertThat(split.canary()).isEqualTo(canary);
        assertThat(split.stable()).isEqualTo(stable);
    }

    @Test
    void shouldRefuseAnEmptyApplication() {
        assertThatThrownBy(() -> ReplicaRatioRouter.split(0, Percentage.HUNDRED))
                .hasMessageContaining("total replicas must be at least 1, got 0");
    }
}
