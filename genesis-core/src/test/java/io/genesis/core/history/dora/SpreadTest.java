package io.genesis.core.history.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadTest {

    @ParameterizedTest(name = "{0} -> median {1}, p90 {2}")
    @CsvSource({
        // nearest rank: the value at position ceil(p * n) of the sorted list
        "'5', 5, 5",
        "'5 1', 1, 5",
        "'3 1 2', 2, 3",
        "'4 3 2 1', 2, 4",
        "'1 2 3 4 5 6 7 8 9 10', 5, 9",
        "'1 2 3 4 5 6 7 8 9 10 11', 6, 10",
    })
    void shouldTakeTheMedianAndP90ByNearestRank(String minutes, long median, long p90) {
        List<Duration> durations = java.util.Arrays.stream(minutes.split(" "))
                .map(m -> Duration.ofMinutes(Long.parseLong(m)))
                .toList();

        Spread spread = Spread.of(durations);

        assertThat(spread.count()).isEqualTo(durations.size());
        assertThat(spread.median()).isEqualTo(Duration.ofMinutes(median));
        assertThat(spread.p90()).isEqualTo(Duration.ofMinutes(p90));
    }

    @Test
    void shouldHaveNoMedianWithoutDurations() {
        Spread spread = Spread.of(List.of());

        assertThat(spread.count()).isZero();
        assertThat(spread.medianValue()).isEmpty();
        assertThat(spread.p90Value()).isEmpty();
    }

    @Test
    void shouldRefuseAMedianWithoutDurations() {
        assertThatThrownBy(() -> new Spread(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("exactly when there are durations");
    }
}
