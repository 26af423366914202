package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateThresholdsTest {

    @Test
    void shouldBuildAPassRateAndLineCoverageBar() {
        GateThresholds thresholds = GateThresholds.of(98, 85);

        assertThat(thresholds.minPassRate()).isEqualTo(new Percentage(98));
        assertThat(thresholds.minCoverage()).containsExactly(Map.entry(CoverageMetric.LINE, new Percentage(85)));
        assertThat(thresholds.maxCoverageDrop()).isEmpty();
        assertThat(thresholds.allowLoosening()).isFalse();
    }

    @Test
    void shouldReturnChangedCopies() {
        GateThresholds base = GateThresholds.of(95, 85);

        GateThresholds changed = base.withMinPassRate(new Percentage(99))
                .withMinCoverage(CoverageMetric.BRANCH, new Percentage(70))
                .withMaxCoverageDrop(1.5)
                .withAllowLoosening(true);

        assertThat(changed.minPassRate()).isEqualTo(new Percentage(99));
        assertThat(changed.minCoverage())
                .containsEntry(CoverageMetric.LINE, new Percentage(85))
                .containsEntry(CoverageMetric.BRANCH, new Percentage(70));
        assertThat(changed.maxCoverageDrop()).isEqualTo(Optional.of(1.5));
        assertThat(changed.allowLoosening()).isTrue();
        assertThat(base).isEqualTo(GateThresholds.of(95, 85));
    }

    @Test
    void shouldNotBeChangedThroughTheMapItWasBuiltFrom() {
        Map<CoverageMetric, Percentage> bars = new HashMap<>(Map.of(CoverageMetric.LINE, new Percentage(85)));
        GateThresholds thresholds = new GateThresholds(new Percentage(95), bars, Optional.empty(), false);

        bars.put(CoverageMetric.BRANCH, new Percentage(1));

        assertThat(thresholds.minCoverage()).containsOnlyKeys(CoverageMetric.LINE);
        assertThatThrownBy(() -> thresholds.minCoverage().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, true", "100, true", "-0.5, false", "100.5, false", "NaN, false"})
    void shouldBoundTheCoverageDrop(double drop, boolean valid) {
        if (valid) {
            assertThat(GateThresholds.of(95, 85).withMaxCoverageDrop(drop).maxCoverageDrop())
                    .contains(drop);
        } else {
            assertThatThrownBy(() -> GateThresholds.of(95, 85).withMaxCoverageDrop(drop))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxCoverageDrop must be between 0 and 100 percentage points, got " + drop);
        }
    }

    @Test
    void shouldRequireEveryPart() {
        assertThatThrownBy(() -> new GateThresholds(null, Map.of(), Optional.empty(), false))
                .hasMessageContaining("minPassRate");
        assertThatThrownBy(() -> new GateThresholds(new Percentage(1), null, Optional.empty(), false))
                .hasMessageContaining("minCoverage");
        assertThatThrownBy(() -> new GateThresholds(new Percentage(1), Map.of(), null, false, Map.of()))
                .hasMessageContaining("maxCoverageDrop");
    }

    @Test
    void shouldTakeAbsentCriticalityAsError() {
        GateThresholds thresholds = GateThresholds.of(95, 85).withCriticality(CriterionKind.COVERAGE, Criticality.NOTE);

        assertThat(thresholds.criticalityOf(CriterionKind.COVERAGE)).isEqualTo(Criticality.NOTE);
        assertThat(thresholds.criticalityOf(CriterionKind.PASS_RATE)).isEqualTo(Criticality.ERROR);
        assertThat(thresholds.criticalityOf(CriterionKind.REPORTS)).isEqualTo(Criticality.ERROR);
        assertThat(GateThresholds.of(95, 85).withCriticality(CriterionKind.PASS_RATE, Criticality.ERROR))
                .isEqualTo(GateThresholds.of(95, 85));
    }

    @Test
    void shouldRefuseACriticalityForAnInputProblem() {
        assertThatThrownBy(() -> GateThresholds.of(95, 85).withCriticality(CriterionKind.TESTS, Criticality.NOTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("criticality of tests cannot be set: it is an input problem, and missing data never"
                        + " passes, so it is always error; remove tests from the criticality settings");
        assertThatThrownBy(() -> new GateThresholds(new Percentage(1), Map.of(), Optional.empty(), false, null))
                .hasMessageContaining("criticality");
    }
}
