package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.cli.CLICommandInvoker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code genesisGate} in real Pipelines, with reports written by the Pipeline itself. Jobs are
 * created and built through Jenkins' CLI ({@code create-job}, then {@code build -s -v}, whose exit
 * code is the build result: 0 success, 1 unstable, 2 failure), and the build page and remote API
 * are read over HTTP, so these tests name no Pipeline job classes. Run by the real plugin build
 * only (docs/building.md).
 */
@WithJenkins
class GenesisGateStepJenkinsTest {

    private static final int SUCCESS = 0;
    private static final int UNSTABLE = 1;
    private static final int FAILURE = 2;

    /** Staging wants a 95 % pass rate and 85 % line coverage (the release guide's defaults). */
    private static final String REPORTS = "writeFile file: 'target/surefire-reports/TEST-ShopTest.xml', text: '''"
            + "<testsuite name=\"com.example.ShopTest\" tests=\"20\" failures=\"1\" errors=\"0\" skipped=\"0\">"
            + cases(19, 1) + "</testsuite>'''\n"
            + "writeFile file: 'target/site/jacoco/jacoco.xml', text: '''"
            + "<report name=\"shop\"><counter type=\"LINE\" missed=\"%d\" covered=\"%d\"/></report>'''\n";

    private static String cases(int passed, int failed) {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < passed; i++) {
            cases.append("<testcase classname=\"com.example.ShopTest\" name=\"passes")
                    .append(i)
                    .append("\"/>");
        }
        for (int i = 0; i < failed; i++) {
            cases.append("<testcase classname=\"com.example.ShopTest\" name=\"fails")
                    .append(i)
                    .append("\"><failure message=\"boom\"/></testcase>");
        }
        return cases.toString();
    }

    /** A Pipeline that writes reports with {@code covered} of 100 lines covered, then runs {@code gate}. */
    private static String pipeline(int covered, String gate) {
        return pipeline(covered, "", gate);
    }

    private static String pipeline(int covered, String before, String gate) {
        return "node {\n" + String.format(REPORTS, 100 - covered, covered) + before + "def gate = " + gate + "\n"
                + "echo \"returned verdict=${gate.verdict} passRate=${gate.passRate} total=${gate.tests.total}"
                + " line=${gate.coverage.line} criteria=${gate.criteria.size()}\"\n}\n";
    }

    private static final String GATE = "genesisGate environment: 'staging', tests: 'target/surefire-reports/*.xml',"
            + " coverageReports: 'target/site/jacoco/jacoco.xml'";

    @Test
    void shouldPassReturnTheVerdictAndShowItOnTheBuildPage(JenkinsRule j) throws Exception {
        // when: 19 of 20 tests pass (95 %), 90 % of the lines are covered
        Build build = run(j, "passes", pipeline(90, GATE));

        // then
        assertThat(build.result).isEqualTo(SUCCESS);
        assertThat(build.console)
                .contains("genesis gate for staging: PASSED")
                .contains("  passed    pass rate 95.00 % >= 95.00 % required for staging")
                .contains("  passed    line coverage 90.00 % >= 85.00 % required for staging")
                .contains("returned verdict=PASSED passRate=95.0 total=20 line=90.0 criteria=3");
        assertThat(get(j, "job/passes/1/"))
                .contains("Genesis gate for")
                .contains("staging: PASSED")
                .contains("line coverage 90.00 %")
                .contains("required for staging (90 of 100 lines covered)");
        assertThat(get(j, "job/passes/1/api/json?tree=actions[verdict,environment,criteria[name,status]]"))
                .contains("\"verdict\":\"PASSED\"")
                .contains("\"environment\":\"staging\"")
                .contains("\"name\":\"coverage.line\",\"status\":\"PASSED\"");
    }

    @Test
    void shouldFailTheBuildWhenAThresholdIsMissed(JenkinsRule j) throws Exception {
        // when: coverage 80 % < 85 %
        Build build = run(j, "fails", pipeline(80, GATE));

        // then
        assertThat(build.result).isEqualTo(FAILURE);
        assertThat(build.console)
                .contains("genesis gate for staging: FAILED")
                .contains("  failed    line coverage 80.00 % < 85.00 % required for staging")
                .contains("genesis gate for staging: FAILED; the lines above say which criteria failed")
                .doesNotContain("returned verdict=");
        assertThat(get(j, "job/fails/1/api/json?tree=actions[verdict]")).contains("\"verdict\":\"FAILED\"");
    }

    @Test
    void shouldMarkTheBuildUnstableWithinTheMargin(JenkinsRule j) throws Exception {
        // when: coverage 84 % is 1 point short, within a 1-point margin
        Build build = run(j, "unstable", pipeline(84, GATE + ", unstableMargin: 1"));

        // then: the Pipeline went on and got the verdict back
        assertThat(build.result).isEqualTo(UNSTABLE);
        assertThat(build.console)
                .contains("genesis gate for staging: UNSTABLE")
                .contains("within the 1.00-point unstable margin")
                .contains("returned verdict=UNSTABLE");
    }

    @Test
    void shouldLetAForcedGateThroughAndRecordWhy(JenkinsRule j) throws Exception {
        // when
        Build build = run(j, "forced", pipeline(50, GATE + ", force: true, reason: 'INC-1234: hotfix'"));

        // then
        assertThat(build.result).isEqualTo(SUCCESS);
        assertThat(build.console)
                .contains("genesis gate for staging: OVERRIDDEN")
                .contains("  override  gate FAILED but overridden: INC-1234: hotfix")
                .contains("returned verdict=OVERRIDDEN");
        assertThat(get(j, "job/forced/1/api/json?tree=actions[verdict,overrideReason]"))
                .contains("\"overrideReason\":\"INC-1234: hotfix\"");
    }

    @Test
    void shouldRefuseForceWithoutAReasonBeforeReadingAnything(JenkinsRule j) throws Exception {
        // when
        Build build = run(j, "noreason", pipeline(90, GATE + ", force: true"));

        // then
        assertThat(build.result).isEqualTo(FAILURE);
        assertThat(build.console)
                .contains("genesisGate: force: true needs reason")
                .doesNotContain("genesis gate for staging");
    }

    @Test
    void shouldJudgeWhatTheJUnitStepRecorded(JenkinsRule j) throws Exception {
        // when
        Build build = run(
                j,
                "junit",
                pipeline(
                        90,
                        "junit testResults: 'target/surefire-reports/*.xml', skipMarkingBuildUnstable: true\n",
                        "genesisGate environment: 'staging', testResultsSource: 'junit',"
                                + " coverageReports: 'target/site/jacoco/jacoco.xml'"));

        // then: the JUnit plugin's 20 tests, 1 failed
        assertThat(build.result).isEqualTo(SUCCESS);
        assertThat(build.console)
                .contains("genesis gate for staging: PASSED")
                .contains("(19 passed, 1 failed, 0 errors, 0 skipped)")
                .contains("tests come from the results the junit step recorded for this build")
                .contains("returned verdict=PASSED");
    }

    @Test
    void shouldStopWithTheKnownEnvironmentsForAnUnknownOne(JenkinsRule j) throws Exception {
        // when
        Build build = run(j, "unknown", pipeline(90, GATE.replace("'staging'", "'qa'")));

        // then
        assertThat(build.result).isEqualTo(FAILURE);
        assertThat(build.console).contains("genesisGate: unknown environment 'qa'; known: staging, production");
    }

    /** The exit code of {@code build -s} (the build result) and the console that {@code -v} printed. */
    private record Build(int result, String console) {}

    private static Build run(JenkinsRule j, String name, String script) {
        String config = "<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition>\n"
                + "  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition\">\n"
                + "    <script>" + escape(script) + "</script>\n    <sandbox>true</sandbox>\n"
                + "  </definition>\n</flow-definition>\n";
        CLICommandInvoker.Result created = new CLICommandInvoker(j, "create-job")
                .withStdin(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)))
                .invokeWithArgs(name);
        assertThat(created.returnCode()).as(created.stderr()).isZero();
        CLICommandInvoker.Result built = new CLICommandInvoker(j, "build").invokeWithArgs(name, "-s", "-v");
        return new Build(built.returnCode(), built.stdout());
    }

    private static String get(JenkinsRule j, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(j.getURL() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
