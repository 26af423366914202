package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import io.genesis.core.policy.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A call's {@code criticality(kind:, level:)} entries reach the engine, which applies them with the
 * environment's; and what a verdict then does to the Pipeline. The refusals are the engine's.
 */
class CriticalityMappingTest {

    /** Staging, where coverage below the bar only makes the build unstable. */
    private static final Environment LENIENT_COVERAGE = GateFixtures.STAGING.withGate(
            GateFixtures.STAGING.gate().withCriticality(CriterionKind.COVERAGE, Criticality.UNSTABLE));

    @TempDir
    Path workspace;

    private GateReport evaluate(Environment environment, CriterionCriticality... levels) throws IOException {
        GateFixtures.writeTests(workspace, "reports/TEST-ShopTest.xml", "com.example.ShopTest", 100, 0);
        GateFixtures.writeCoverage(workspace, 80, 20);
        GenesisGateStep step = GateFixtures.step();
        step.setCriticality(List.of(levels));
        return GateReport.fromJson(GateEvaluation.evaluate(GateFixtures.input(step, environment), workspace));
    }

    @ParameterizedTest
    @CsvSource({"unstable, UNSTABLE, UNSTABLE", "failure, FAILURE, FAILURE", "error, ERROR, ERROR"})
    void shouldLetACallTightenTheEnvironmentsCriticality(String level, String consequence, GateOutcome outcome)
            throws IOException {
        // when: coverage 80 % < 85 %, the environment says unstable, the call says level
        GateReport report = evaluate(LENIENT_COVERAGE, new CriterionCriticality("coverage", level));

        // then
        assertThat(report.consequence()).isEqualTo(consequence);
        assertThat(report.outcome()).isEqualTo(outcome);
    }

    @Test
    void shouldUseTheEnvironmentsCriticalityWhenTheCallSetsNone() throws IOException {
        // when
        GateReport report = evaluate(LENIENT_COVERAGE);

        // then
        assertThat(report.verdict()).isEqualTo("UNSTABLE");
        assertThat(report.outcome()).isEqualTo(GateOutcome.UNSTABLE);
        assertThat(report.criteria())
                .filteredOn(row -> row.getName().equals("coverage.line"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.getKind()).isEqualTo("coverage");
                    assertThat(row.getCriticality()).isEqualTo("UNSTABLE");
                    assertThat(row.getLine())
                            .startsWith("line coverage 80.00 % < 85.00 %")
                            .endsWith(" [unstable]");
                });
    }

    @Test
    void shouldReportANoteOnlyAndLetTheBuildGoOn() throws IOException {
        // given
        Environment noteOnly = GateFixtures.STAGING.withGate(
                GateFixtures.STAGING.gate().withCriticality(CriterionKind.COVERAGE, Criticality.NOTE));

        // when
        GateReport report = evaluate(noteOnly);

        // then
        assertThat(report.verdict()).isEqualTo("PASSED");
        assertThat(report.consequence()).isEqualTo("NOTE");
        assertThat(report.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(report.consoleLines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("  failed    line coverage 80.00 %")
                        .endsWith("[note]"));
    }

    @Test
    void shouldRefuseALooserCriticalityThanTheEnvironments() {
        // given: staging's default is error
        GenesisGateStep step = GateFixtures.step();
        step.setCriticality(List.of(new CriterionCriticality("coverage", "note")));

        // then
        assertThatThrownBy(() -> GateTranslation.validate(GateFixtures.input(step)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("criticality note for coverage is weaker than staging's error");
    }

    @Test
    void shouldRefuseAKindGivenTwice() {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setCriticality(
                List.of(new CriterionCriticality("passRate", "error"), new CriterionCriticality("passRate", "error")));

        // then
        assertThatThrownBy(() -> GateTranslation.validate(GateFixtures.input(step, LENIENT_COVERAGE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("criticality of passRate is given twice (error and error); give each kind once");
    }

    @ParameterizedTest
    @CsvSource({
        "tests, error, 'criticality of tests cannot be set'",
        "speed, error, 'unknown gate criterion ''speed''; known criteria: reports, tests, passRate'",
        "coverage, fatal, 'must be one of note, unstable, failure, error, got ''fatal'''"
    })
    void shouldRefuseWhatTheEngineDoesNotKnow(String kind, String level, String message) {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setCriticality(List.of(new CriterionCriticality(kind, level)));

        // then
        assertThatThrownBy(() -> GateTranslation.validate(GateFixtures.input(step)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldKeepTheCallsCriticalitiesWhenItStarts() {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setCriticality(List.of(new CriterionCriticality(" coverage ", " unstable ")));

        // when
        GateSettings settings = new GateSettings(step);
        step.setCriticality(null);

        // then
        assertThat(settings.criticality()).containsExactly(new CriterionCriticality("coverage", "unstable"));
        assertThat(step.getCriticality()).isEmpty();
    }
}
