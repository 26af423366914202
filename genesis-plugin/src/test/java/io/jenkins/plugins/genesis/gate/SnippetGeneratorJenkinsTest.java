package io.jenkins.plugins.genesis.gate;

import java.util.List;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Snippet Generator writes each step, with its nested describables ({@code required(...)},
 * {@code criticality(...)}), as the Groovy the docs show, and reads that Groovy back into an equal
 * step. Parameters come out in alphabetical order and those left at their defaults are omitted.
 * Run by the real build only.
 */
@WithJenkins
class SnippetGeneratorJenkinsTest {

    @Test
    void shouldWriteTheSoleRequiredParameterAlone(JenkinsRule j) throws Exception {
        new SnippetizerTester(j).assertRoundTrip(new GenesisGateStep("staging"), "genesisGate 'staging'");
    }

    @Test
    void shouldRoundTripEveryParameterAndNestedDescribable(JenkinsRule j) throws Exception {
        // given
        GenesisGateStep step = new GenesisGateStep("production");
        step.setTests("target/surefire-reports/*.xml");
        step.setCoverageReports("**/jacoco.xml");
        step.setMinPassRate(99.5);
        step.setMinCoverage(90.0);
        step.setBaselineCoverage(86.5);
        step.setMaxCoverageDrop(1.0);
        step.setRequiredTests(List.of(new RequiredTest("critical", "*Critical*")));
        step.setCriticality(List.of(new CriterionCriticality("coverage", "error")));
        step.setUnstableMargin(0.5);
        step.setForce(true);
        step.setReason("INC-1234: hotfix");

        // then
        new SnippetizerTester(j)
                .assertRoundTrip(
                        step,
                        "genesisGate baselineCoverage: 86.5, coverageReports: '**/jacoco.xml',"
                                + " criticality: [criticality(kind: 'coverage', level: 'error')],"
                                + " environment: 'production', force: true, maxCoverageDrop: 1.0, minCoverage: 90.0,"
                                + " minPassRate: 99.5, reason: 'INC-1234: hotfix',"
                                + " requiredTests: [required(name: 'critical', pattern: '*Critical*')],"
                                + " tests: 'target/surefire-reports/*.xml', unstableMargin: 0.5");
    }

    @Test
    void shouldRoundTripTheJunitSource(JenkinsRule j) throws Exception {
        // given
        GenesisGateStep step = new GenesisGateStep("staging");
        step.setTestResultsSource("junit");
        step.setCoverageReports("**/jacoco.xml");

        // then
        new SnippetizerTester(j)
                .assertRoundTrip(
                        step,
                        "genesisGate coverageReports: '**/jacoco.xml', environment: 'staging', testResultsSource: 'junit'");
    }
}
