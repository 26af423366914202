package io.genesis.docker.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Percentage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightsTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "0.4, 1", "1, 1", "10, 10", "50.5, 51", "99.6, 99", "100, 100"})
    void shouldRoundWithoutTurningAPartialShareIntoNoneOrAll(double engine, int proxy) {
        assertThat(Weights.percent(new Percentage(engine))).isEqualTo(proxy);
    }

    @Test
    void shouldSplitEquallySizedSidesByThePercentage() {
        assertThat(Weights.split(List.of("b1", "b2"), List.of("g1", "g2"), 10))
                .isEqualTo(Map.of("b1", 9, "b2", 9, "g1", 1, "g2", 1));
        assertThat(Weights.split(List.of("b1"), List.of("g1"), 50)).isEqualTo(Map.of("b1", 1, "g1", 1));
    }

    @Test
    void shouldKeepTheShareWhenTheSidesDiffer() {
        Map<String, Integer> weights = Weights.split(List.of("b1", "b2", "b3"), List.of("g1"), 25);

        double candidate = weights.get("g1");
        double total = candidate + 3 * weights.get("b1");
        assertThat(100 * candidate / total).isEqualTo(25.0);
        assertThat(weights.values()).allSatisfy(weight -> assertThat(weight).isBetween(0, 256));
    }

    @Test
    void shouldGiveEverythingToTheOnlySideThereIs() {
        assertThat(Weights.split(List.of(), List.of("g1"), 10)).isEqualTo(Map.of("g1", 100));
        assertThat(Weights.split(List.of(), List.of("g1"), 0)).isEqualTo(Map.of("g1", 0));
        assertThat(Weights.split(List.of("b1"), List.of(), 0)).isEqualTo(Map.of("b1", 100));
    }
}
