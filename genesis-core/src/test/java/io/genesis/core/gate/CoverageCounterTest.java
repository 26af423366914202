package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageCounterTest {

    @ParameterizedTest
    @CsvSource({"69, 13, 84.14634146341463", "5, 0, 100.0", "0, 7, 0.0"})
    void shouldComputeTheCoveredShare(long covered, long missed, double percent) {
        CoverageCounter counter = new CoverageCounter(covered, missed);

        assertThat(counter.percentage()).contains(new Percentage(percent));
        assertThat(counter.total()).isEqualTo(covered + missed);
    }

    @Test
    void shouldHaveNoShareWhenThereIsNothingToCover() {
        assertThat(CoverageCounter.EMPTY.percentage()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"-1, 0", "0, -1"})
    void shouldRejectNegativeCounts(long covered, long missed) {
        assertThatThrownBy(() -> new CoverageCounter(covered, missed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void shouldAddTotalsMetricByMetric() {
        CoverageTotals jacoco = new CoverageTotals(Map.of(
                CoverageMetric.LINE, new CoverageCounter(69, 13), CoverageMetric.CLASS, new CoverageCounter(5, 0)));
        CoverageTotals cobertura = new CoverageTotals(Map.of(
                CoverageMetric.LINE, new CoverageCounter(35, 4), CoverageMetric.BRANCH, new CoverageCounter(15, 3)));

        CoverageTotals sum = jacoco.plus(cobertura);

        assertThat(sum.counters())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        CoverageMetric.LINE, new CoverageCounter(104, 17),
                        CoverageMetric.CLASS, new CoverageCounter(5, 0),
                        CoverageMetric.BRANCH, new CoverageCounter(15, 3)));
        assertThat(sum.get(CoverageMetric.METHOD)).isEmpty();
        assertThat(CoverageTotals.NONE.isEmpty()).isTrue();
        assertThat(sum.isEmpty()).isFalse();
    }

    @Test
    void shouldNameEveryMetricWithItsUnit() {
        assertThat(CoverageMetric.named(" Branch ")).isEqualTo(CoverageMetric.BRANCH);
        assertThat(CoverageMetric.LINE.unit()).isEqualTo("lines");
        assertThat(CoverageMetric.COMPLEXITY.label()).isEqualTo("complexity");
        assertThatThrownBy(() -> CoverageMetric.named("statement"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown coverage metric 'statement'; known: instruction, branch, line");
        assertThatThrownBy(() -> CoverageMetric.named(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
