package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.GateRequest;
import io.genesis.core.gate.ReportGlob;
import io.genesis.core.gate.TestSelector;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Percentage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateTranslationTest {

    private static final Path WORKSPACE = Path.of("workspace");

    @Test
    void shouldMapEveryStepParameterToTheRequest() {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setTests("a/*.xml, b/*.xml");
        step.setCoverageReports("**/jacoco.xml");
        step.setMinPassRate(99.5);
        step.setMinCoverage(90.0);
        step.setBaselineCoverage(86.5);
        step.setMaxCoverageDrop(1.0);
        step.setRequiredTests(
                List.of(new RequiredTest("critical", "*Critical*"), new RequiredTest("smoke", "*SmokeTest")));
        step.setUnstableMargin(0.5);
        step.setForce(true);
        step.setReason("INC-1234: known flaky sandbox");

        // when
        GateRequest request = GateTranslation.toRequest(GateFixtures.input(step), WORKSPACE);

        // then
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(request.environment().name()).isEqualTo("staging");
        softly.assertThat(request.environment().gate()).isEqualTo(GateFixtures.STAGING.gate());
        softly.assertThat(request.workspace()).isEqualTo(WORKSPACE);
        softly.assertThat(request.testReports()).containsExactly(ReportGlob.of("a/*.xml"), ReportGlob.of("b/*.xml"));
        softly.assertThat(request.coverageReports()).containsExactly(ReportGlob.of("**/jacoco.xml"));
        softly.assertThat(request.minPassRate()).contains(new Percentage(99.5));
        softly.assertThat(request.minCoverage())
                .containsExactly(java.util.Map.entry(CoverageMetric.LINE, new Percentage(90)));
        softly.assertThat(request.baselineCoverage())
                .containsExactly(java.util.Map.entry(CoverageMetric.LINE, new Percentage(86.5)));
        softly.assertThat(request.maxCoverageDrop()).contains(1.0);
        softly.assertThat(request.requiredTests())
                .containsExactly(TestSelector.of("critical", "*Critical*"), TestSelector.of("smoke", "*SmokeTest"));
        softly.assertThat(request.unstableMargin()).isEqualTo(0.5);
        softly.assertThat(request.forceReason()).contains("INC-1234: known flaky sandbox");
        softly.assertAll();
    }

    @Test
    void shouldLeaveWhatWasNotGivenToTheEnvironment() {
        // when
        GateRequest request = GateTranslation.toRequest(GateFixtures.input(GateFixtures.step()), WORKSPACE);

        // then
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(request.minPassRate()).isEmpty();
        softly.assertThat(request.minCoverage()).isEmpty();
        softly.assertThat(request.baselineCoverage()).isEmpty();
        softly.assertThat(request.maxCoverageDrop()).isEmpty();
        softly.assertThat(request.requiredTests()).isEmpty();
        softly.assertThat(request.unstableMargin()).isZero();
        softly.assertThat(request.forced()).isFalse();
        softly.assertThat(request.findings().reports()).isEmpty();
        softly.assertThat(request.findings().newOnly()).isFalse();
        softly.assertAll();
    }

    @Test
    void shouldMapTheFindingsAndBenchmarkFieldsToTheRequest() {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setFindings(" reports/*.sarif, bandit.json ");
        step.setNewFindingsOnly(true);
        step.setBenchmarks("target/jmh-result.json");
        step.setBenchmarkBaseline("baseline/jmh-result.json");
        step.setBenchmarkThreshold(5.0);

        // when
        GateRequest request = GateTranslation.toRequest(GateFixtures.input(step), WORKSPACE);

        // then
        assertThat(request.findings().reports())
                .extracting(Object::toString)
                .containsExactly("reports/*.sarif", "bandit.json");
        assertThat(request.findings().newOnly()).isTrue();
        assertThat(request.benchmarks().reports())
                .extracting(Object::toString)
                .containsExactly("target/jmh-result.json");
        assertThat(request.benchmarks().baseline())
                .extracting(Object::toString)
                .containsExactly("baseline/jmh-result.json");
        assertThat(request.benchmarks().thresholdPercent()).isEqualTo(5.0);
    }

    @Test
    void shouldReadNoTestReportsWhenTheJUnitPluginGivesTheTests() {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setTests("");
        step.setTestResultsSource("junit");

        // when
        GateRequest request =
                GateTranslation.toRequest(GateFixtures.junitInput(step, JUnitTotals.recorded(10, 1, 0)), WORKSPACE);

        // then
        assertThat(request.testReports()).isEmpty();
        assertThat(request.coverageReports()).containsExactly(ReportGlob.of("jacoco.xml"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "reports|''|false|''|tests is required",
                "junit|reports/*.xml|false|''|is not read with testResultsSource: 'junit'",
                "reports|reports/*.xml|true|''|force: true needs reason",
                "reports|reports/*.xml|true|'  '|force: true needs reason",
                "reports|reports/*.xml|false|because|reason is only used with force: true",
                "nunit|reports/*.xml|false|''|testResultsSource 'nunit' is not known; use one of: reports, junit"
            })
    void shouldRefuseACallTheGateCannotEvaluate(
            String source, String tests, boolean force, String reason, String expected) {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setTestResultsSource(source);
        step.setTests(tests);
        step.setForce(force);
        step.setReason(reason);

        // when / then
        assertThatThrownBy(() -> GateTranslation.validate(GateFixtures.input(step)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void shouldRefuseRequiredTestsWithTheJUnitPluginsTotals() {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setTests("");
        step.setTestResultsSource("junit");
        step.setRequiredTests(List.of(new RequiredTest("critical", "*Critical*")));

        // when / then
        assertThatThrownBy(() -> GateTranslation.validate(GateFixtures.junitInput(step, JUnitTotals.noneRecorded())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requiredTests need the test reports");
    }

    @ParameterizedTest
    @CsvSource({"-0.01, false", "0, true", "100, true", "100.01, false"})
    void shouldAcceptPercentagesFromZeroToOneHundredOnly(double minCoverage, boolean accepted) {
        // given: a bar that loosening rules do not concern (the base bar is lower)
        Environment lenient = new Environment(
                "lenient",
                io.genesis.core.policy.GateThresholds.of(0, 0).withAllowLoosening(true),
                GateFixtures.STAGING.approval(),
                GateFixtures.STAGING.refs());
        GenesisGateStep step = GateFixtures.step();
        step.setMinCoverage(minCoverage);

        // when / then
        if (accepted) {
            assertThat(GateTranslation.toRequest(GateFixtures.input(step, lenient), WORKSPACE)
                            .minCoverage())
                    .containsEntry(CoverageMetric.LINE, new Percentage(minCoverage));
        } else {
            assertThatThrownBy(() -> GateTranslation.toRequest(GateFixtures.input(step, lenient), WORKSPACE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("minCoverage")
                    .hasMessageContaining(String.valueOf(minCoverage));
        }
    }

    @ParameterizedTest
    @CsvSource({"94.99, false", "95, true", "99, true"})
    void shouldRefuseAPassRateBelowTheEnvironmentsUnlessItAllowsLoosening(double minPassRate, boolean accepted) {
        // given: staging wants 95 % and does not let pipelines loosen its gate
        GenesisGateStep step = GateFixtures.step();
        step.setMinPassRate(minPassRate);

        // when / then
        if (accepted) {
            GateTranslation.validate(GateFixtures.input(step));
            assertThat(GateTranslation.toRequest(GateFixtures.input(step), WORKSPACE)
                            .minPassRate())
                    .contains(new Percentage(minPassRate));
        } else {
            assertThatThrownBy(() -> GateTranslation.validate(GateFixtures.input(step)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("below staging's 95.00 %")
                    .hasMessageContaining("does not let a pipeline loosen its gate");
        }
    }

    @Test
    void shouldAcceptALooserBarWhereTheEnvironmentAllowsIt() {
        // given
        Environment loose =
                GateFixtures.STAGING.withGate(GateFixtures.STAGING.gate().withAllowLoosening(true));
        GenesisGateStep step = GateFixtures.step();
        step.setMinPassRate(50.0);

        // when
        GateTranslation.validate(GateFixtures.input(step, loose));

        // then
        assertThat(GateTranslation.toRequest(GateFixtures.input(step, loose), WORKSPACE)
                        .minPassRate())
                .isEqualTo(Optional.of(new Percentage(50)));
    }

    @Test
    void shouldPassOnTheEnginesMessageForABadSelectorOrPattern() {
        // given
        GenesisGateStep badSelector = GateFixtures.step();
        badSelector.setRequiredTests(List.of(new RequiredTest("no spaces", "*")));
        GenesisGateStep absolutePattern = GateFixtures.step();
        absolutePattern.setTests("/etc/*.xml");

        // when / then
        assertThatThrownBy(() -> GateTranslation.validate(GateFixtures.input(badSelector)))
                .hasMessageContaining("'no spaces' is not valid");
        assertThatThrownBy(() -> GateTranslation.validate(GateFixtures.input(absolutePattern)))
                .hasMessageContaining("is absolute");
    }
}
