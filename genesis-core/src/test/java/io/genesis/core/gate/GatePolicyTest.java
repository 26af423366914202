package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatePolicyTest {

    private static final Environment PRODUCTION = Environments.defaults().named("production");
    private static final Path WORKSPACE = Path.of(".");

    @Test
    void shouldApplyTheEnvironmentsThresholdsWhenTheRequestAsksNothing() {
        GatePolicy policy =
                GatePolicy.of(GateRequest.builder(PRODUCTION, WORKSPACE).build());

        assertThat(policy.environment()).isEqualTo("production");
        assertThat(policy.thresholds()).isEqualTo(PRODUCTION.gate());
        assertThat(policy.maxCoverageDrop()).isZero();
        assertThat(policy.unstableMargin()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"98, true", "99.5, true", "100, true", "97.99, false", "0, false"})
    void shouldLetARequestRaiseButNotLowerThePassRate(double asked, boolean allowed) {
        GateRequest request = GateRequest.builder(PRODUCTION, WORKSPACE)
                .minPassRate(Percentage.of("minPassRate", asked))
                .build();

        if (allowed) {
            assertThat(GatePolicy.of(request).thresholds().minPassRate()).isEqualTo(new Percentage(asked));
        } else {
            assertThatThrownBy(() -> GatePolicy.of(request))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("minPassRate")
                    .hasMessageContaining("is below production's 98.00 %")
                    .hasMessageContaining("does not let a pipeline loosen its gate");
        }
    }

    @ParameterizedTest
    @CsvSource({"LINE, 85, true", "LINE, 90, true", "LINE, 84.9, false", "BRANCH, 10, true"})
    void shouldLetARequestRaiseOrAddButNotLowerACoverageBar(CoverageMetric metric, double asked, boolean allowed) {
        GateRequest request = GateRequest.builder(PRODUCTION, WORKSPACE)
                .minCoverage(metric, Percentage.of("minCoverage", asked))
                .build();

        if (allowed) {
            assertThat(GatePolicy.of(request).thresholds().minCoverage()).containsEntry(metric, new Percentage(asked));
        } else {
            assertThatThrownBy(() -> GatePolicy.of(request))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("minimum line coverage 84.90 % is below production's 85.00 %");
        }
    }

    @ParameterizedTest
    @CsvSource({"1, true", "0.5, true", "1.01, false"})
    void shouldLetARequestNarrowButNotWidenTheAllowedDrop(double asked, boolean allowed) {
        Environment strict = PRODUCTION.withGate(PRODUCTION.gate().withMaxCoverageDrop(1));
        GateRequest request =
                GateRequest.builder(strict, WORKSPACE).maxCoverageDrop(asked).build();

        if (allowed) {
            assertThat(GatePolicy.of(request).maxCoverageDrop()).isEqualTo(asked);
        } else {
            assertThatThrownBy(() -> GatePolicy.of(request))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxCoverageDrop 1.01 points is more than production's 1.00");
        }
    }

    @Test
    void shouldLetARequestSetADropWhereTheEnvironmentSetsNone() {
        GateRequest request =
                GateRequest.builder(PRODUCTION, WORKSPACE).maxCoverageDrop(5).build();

        assertThat(GatePolicy.of(request).thresholds().maxCoverageDrop()).isEqualTo(Optional.of(5.0));
    }

    @Test
    void shouldLetARequestLoosenWhereTheEnvironmentAllowsIt() {
        Environment lenient =
                PRODUCTION.withGate(PRODUCTION.gate().withAllowLoosening(true).withMaxCoverageDrop(1));
        GateRequest request = GateRequest.builder(lenient, WORKSPACE)
                .minPassRate(Percentage.of("minPassRate", 50))
                .minCoverage(CoverageMetric.LINE, Percentage.of("minCoverage", 10))
                .maxCoverageDrop(20)
                .build();

        GatePolicy policy = GatePolicy.of(request);

        assertThat(policy.thresholds().minPassRate()).isEqualTo(new Percentage(50));
        assertThat(policy.thresholds().minCoverage()).containsEntry(CoverageMetric.LINE, new Percentage(10));
        assertThat(policy.maxCoverageDrop()).isEqualTo(20);
    }

    @ParameterizedTest
    @CsvSource({
        // environment's, asked, allowed
        "ERROR, ERROR, true",
        "UNSTABLE, FAILURE, true",
        "NOTE, ERROR, true",
        "ERROR, FAILURE, false",
        "FAILURE, NOTE, false"
    })
    void shouldLetARequestMakeACriticalityStricterButNotWeaker(
            Criticality environment, Criticality asked, boolean allowed) {
        Environment production =
                PRODUCTION.withGate(PRODUCTION.gate().withCriticality(CriterionKind.COVERAGE, environment));
        GateRequest request = GateRequest.builder(production, WORKSPACE)
                .criticality(CriterionKind.COVERAGE, asked)
                .build();

        if (allowed) {
            assertThat(GatePolicy.of(request).criticalityOf(CriterionKind.COVERAGE))
                    .isEqualTo(asked);
        } else {
            assertThatThrownBy(() -> GatePolicy.of(request))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("criticality " + asked.key() + " for coverage is weaker than production's "
                            + environment.key() + ", and production does not let a pipeline loosen its gate; remove"
                            + " the setting, ask for a stricter value, or have an administrator allow loosening for"
                            + " production");
        }
    }

    @Test
    void shouldLetARequestWeakenACriticalityWhereTheEnvironmentAllowsLoosening() {
        Environment lenient = PRODUCTION.withGate(PRODUCTION.gate().withAllowLoosening(true));
        GateRequest request = GateRequest.builder(lenient, WORKSPACE)
                .criticality(CriterionKind.PASS_RATE, Criticality.NOTE)
                .build();

        assertThat(GatePolicy.of(request).criticalityOf(CriterionKind.PASS_RATE))
                .isEqualTo(Criticality.NOTE);
        assertThat(GatePolicy.of(request).criticalityOf(CriterionKind.COVERAGE)).isEqualTo(Criticality.ERROR);
    }

    @Test
    void shouldNeverLetARequestSetTheCriticalityOfAnInputProblem() {
        GateRequest.Builder builder = GateRequest.builder(PRODUCTION, WORKSPACE);

        assertThatThrownBy(() -> builder.criticality(CriterionKind.REPORTS, Criticality.ERROR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("criticality of reports cannot be set")
                .hasMessageContaining("missing data never passes");
    }
}
