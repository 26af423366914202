package io.jenkins.plugins.genesis.gate;

import static io.jenkins.plugins.genesis.LiveJenkins.FAILURE;
import static io.jenkins.plugins.genesis.LiveJenkins.SUCCESS;
import static io.jenkins.plugins.genesis.LiveJenkins.UNSTABLE;
import static io.jenkins.plugins.genesis.LiveJenkins.get;
import static io.jenkins.plugins.genesis.LiveJenkins.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.genesis.LiveJenkins.Build;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code genesisGate} in real Pipelines, with reports written by the Pipeline itself, run through
 * {@link LiveJenkins}. Run by the real plugin build only (docs/building.md).
 */
@WithJenkins
class GenesisGateStepJenkinsTest {

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
    static String pipeline(int covered, String gate) {
        return pipeline(covered, "", gate);
    }

    static String pipeline(int covered, String before, String gate) {
        return pipelineOn("", covered, before, gate);
    }

    /** The same on a node with {@code label} ({@code ""}: any node), which it names in the console. */
    static String pipelineOn(String label, int covered, String before, String gate) {
        String node = label.isEmpty() ? "node {\n" : "node('" + label + "') {\necho \"on ${env.NODE_NAME}\"\n";
        return node + String.format(REPORTS, 100 - covered, covered) + before + "def gate = " + gate + "\n"
                + "echo \"returned verdict=${gate.verdict} passRate=${gate.passRate} total=${gate.tests.total}"
                + " line=${gate.coverage.line} criteria=${gate.criteria.size()}\"\n}\n";
    }

    /** A gate on what the junit step recorded, with the coverage report. */
    private static final String JUNIT_GATE = "genesisGate environment: 'staging', testResultsSource: 'junit',"
            + " coverageReports: 'target/site/jacoco/jacoco.xml'";

    static final String GATE = "genesisGate environment: 'staging', tests: 'target/surefire-reports/*.xml',"
            + " coverageReports: 'target/site/jacoco/jacoco.xml'";

    @Test
    void shouldPassReturnTheVerdictAndShowItOnTheBuildPage(JenkinsRule j) throws Exception {
        // when: 19 of 20 tests pass (95 %), 90 % of the lines are covered
        Build build = run(j, "passes", pipeline(90, GATE));

        // then
        assertThat(build.result()).isEqualTo(SUCCESS);
        assertThat(build.console())
                .contains("genesis gate for staging: PASSED")
                .contains("  passed    pass rate 95.00 % >= 95.00 % required for staging")
                .contains("  passed    line coverage 90.00 % >= 85.00 % required for staging")
                .contains("returned verdict=PASSED passRate=95.0 total=20 line=90.0 criteria=3")
                // checks-api is on the test classpath: the optional publication ran and asked it for a
                // publisher, and a job without GitHub or GitLab gets its null publisher
                .contains("No suitable checks publisher found");
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
        assertThat(build.result()).isEqualTo(FAILURE);
        assertThat(build.console())
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
        assertThat(build.result()).isEqualTo(UNSTABLE);
        assertThat(build.console())
                .contains("genesis gate for staging: UNSTABLE")
                .contains("within the 1.00-point unstable margin")
                .contains("returned verdict=UNSTABLE");
    }

    @Test
    void shouldLetAForcedGateThroughAndRecordWhy(JenkinsRule j) throws Exception {
        // when
        Build build = run(j, "forced", pipeline(50, GATE + ", force: true, reason: 'INC-1234: hotfix'"));

        // then
        assertThat(build.result()).isEqualTo(SUCCESS);
        assertThat(build.console())
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
        assertThat(build.result()).isEqualTo(FAILURE);
        assertThat(build.console())
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
                        JUNIT_GATE));

        // then: the JUnit plugin's 20 tests, 1 failed
        assertThat(build.result()).isEqualTo(SUCCESS);
        assertThat(build.console())
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
        assertThat(build.result()).isEqualTo(FAILURE);
        assertThat(build.console()).contains("genesisGate: unknown environment 'qa'; known: staging, production");
    }

    @Test
    void shouldCountEveryJunitCallOfTheBuildSoFar(JenkinsRule j) throws Exception {
        // given: a second report, recorded by a second junit call (3 tests, 1 skipped)
        String second = "writeFile file: 'more/TEST-More.xml', text: '''<testsuite name=\"More\" tests=\"3\">"
                + "<testcase classname=\"More\" name=\"a\"/><testcase classname=\"More\" name=\"b\"/>"
                + "<testcase classname=\"More\" name=\"c\"><skipped/></testcase></testsuite>'''\n";

        // when: the JUnit plugin merges both calls into the build's one test result action
        Build build = run(
                j,
                "twojunit",
                pipeline(
                        90,
                        "junit testResults: 'target/surefire-reports/*.xml', skipMarkingBuildUnstable: true\n" + second
                                + "junit testResults: 'more/*.xml'\n",
                        JUNIT_GATE));

        // then: 20 + 3 tests, 21 passed, 1 failed, 1 skipped
        assertThat(build.result()).isEqualTo(SUCCESS);
        assertThat(build.console())
                .contains("(21 passed, 1 failed, 0 errors, 1 skipped)")
                .contains("returned verdict=PASSED")
                .contains("total=23");
    }

    @Test
    void shouldLeaveTheResultTheJunitStepSetWhenTheGatePasses(JenkinsRule j) throws Exception {
        // when: junit marks the build unstable for its failed test, then the gate passes
        Build build = run(
                j, "junitunstable", pipeline(90, "junit testResults: 'target/surefire-reports/*.xml'\n", JUNIT_GATE));

        // then: a step can only make a result worse, so the gate cannot undo junit's UNSTABLE
        assertThat(build.result()).isEqualTo(UNSTABLE);
        assertThat(build.console()).contains("genesis gate for staging: PASSED");
    }

    @Test
    void shouldRefuseACriticalityLooserThanTheEnvironments(JenkinsRule j) throws Exception {
        // when: staging's coverage criticality is error (the default); a call may not weaken it
        Build build =
                run(j, "looser", pipeline(80, GATE + ", criticality: [criticality(kind: 'coverage', level: 'note')]"));

        // then
        assertThat(build.result()).isEqualTo(FAILURE);
        assertThat(build.console())
                .contains("genesisGate: criticality note for coverage is weaker than staging's error")
                .doesNotContain("genesis gate for staging");
    }

    @Test
    void shouldShowWhoForcedTheGateOnTheBuildPage(JenkinsRule j) throws Exception {
        // when: the build runs as SYSTEM, which has every permission, Force included
        Build build = run(j, "forcedby", pipeline(50, GATE + ", force: true, reason: 'INC-1234: hotfix'"));

        // then
        assertThat(build.result()).isEqualTo(SUCCESS);
        assertThat(build.console()).contains("  override  forced by SYSTEM, who has the Genesis/Force permission");
        assertThat(get(j, "job/forcedby/1/api/json?tree=actions[verdict,forcedBy]"))
                .contains("\"verdict\":\"OVERRIDDEN\"")
                .contains("\"forcedBy\":\"SYSTEM\"");
        assertThat(get(j, "job/forcedby/1/")).contains("forced through by SYSTEM");
    }

    @Test
    void shouldRecordTheVerdictForTheBuildsCommitWhereDeploysFindIt(JenkinsRule j) throws Exception {
        String commit = "0123456789abcdef0123456789abcdef01234567";

        // when: the git plugin's variable names the commit, as a checkout sets it
        Build build = run(j, "recorded", pipeline(90, "withEnv(['GIT_COMMIT=" + commit + "']) { " + GATE + " }"));

        // then: the controller's store holds the verdict that genesisDeploy's promotion check reads
        assertThat(build.result()).as(build.console()).isEqualTo(SUCCESS);
        assertThat(build.console()).contains("recorded  PASSED for commit 0123456 against staging's bar");
        assertThat(io.jenkins.plugins.genesis.deploy.DeployEngine.gateRecords().find(commit, "staging"))
                .hasValueSatisfying(record -> {
                    assertThat(record.passed()).isTrue();
                    assertThat(record.recordedBy()).isEqualTo("recorded#1");
                });
    }
}
