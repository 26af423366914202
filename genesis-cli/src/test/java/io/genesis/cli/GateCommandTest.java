package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateCommandTest {

    private static final String PASSING = "<testsuite><testcase classname=\"a.SmokeTest\" name=\"up\"/>"
            + "<testcase classname=\"a.CheckoutCriticalTest\" name=\"pays\"/></testsuite>";
    private static final String COVERED = "<report><counter type=\"LINE\" missed=\"10\" covered=\"90\"/>"
            + "<counter type=\"BRANCH\" missed=\"30\" covered=\"70\"/></report>";

    @TempDir
    Path workspace;

    private Run gate(String... args) {
        return Run.of(CommandLines.concat(List.of("gate", "--dir", workspace.toString()), args));
    }

    /** The gate for {@code environment} on the reports where Maven writes them, then {@code more}. */
    private Run gateOnReports(String environment, String... more) {
        return gate(Fixtures.gateOnMavenReports(environment, more));
    }

    private void write(String relative, String content) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void passingBuild() throws IOException {
        write("target/surefire-reports/TEST-a.xml", PASSING);
        write("target/site/jacoco/jacoco.xml", COVERED);
    }

    @Test
    void shouldFailTheRealMavenBuildWithOneLinePerCriterion() throws IOException {
        Fixtures.mavenBuild(workspace);

        Run run = gateOnReports("production", "--require", "critical='*Critical*'");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines())
                .containsExactly(
                        "genesis gate for production: FAILED",
                        "  passed    read 4 test reports and 1 coverage report",
                        "  failed    pass rate 90.00 % < 98.00 % required for production (27 passed, 2 failed,"
                                + " 1 error, 2 skipped, 1 flaky)",
                        "  failed    line coverage 84.15 % < 85.00 % required for production (69 of 82 lines covered)",
                        "  failed    required tests critical='*Critical*': 2 of 9 selected tests did not pass, and all"
                                + " must for production: com.example.shop.CheckoutCriticalTest"
                                + ".unknownCouponIsRejectedGracefully (error), com.example.shop.CheckoutCriticalTest"
                                + ".vipCouponGivesQuarterOff (failed)",
                        "  note      security findings not checked: production allows at most 0 critical, 0 high,"
                                + " 0 secrets, but no findings reports were given",
                        "tests:    32 total, 27 passed, 2 failed, 1 error, 2 skipped, 1 flaky; pass rate 90.00 %",
                        "coverage: instruction 86.07 % (309/359), branch 71.74 % (33/46), line 84.15 % (69/82),"
                                + " complexity 76.00 % (38/50), method 96.15 % (25/26), class 100.00 % (5/5)");
        assertThat(run.err()).isEmpty();
    }

    private void findings(String... names) throws IOException {
        Path dir = Files.createDirectories(workspace.resolve("reports"));
        for (String name : names) {
            try (var in = java.util.Objects.requireNonNull(
                    getClass().getClassLoader().getResourceAsStream("findings/" + name), name)) {
                Files.copy(in, dir.resolve(Path.of(name).getFileName()));
            }
        }
    }

    @Test
    void shouldGateOnSecurityFindingsInTextAndJson() throws IOException {
        passingBuild();
        findings("bandit/bandit.json", "published/gitleaks.json");

        Run text = gateOnReports("production", "--findings", "reports/*.json");
        Run json = gateOnReports("production", "--findings", "reports/*.json", "--json");

        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out().lines())
                .contains(
                        "  failed    high findings 1 > 0 allowed for production (first: shop/orders.py:18 (Bandit"
                                + " B602)); counted 0 critical, 1 high, 4 medium, 2 low, 2 secrets in 2 findings"
                                + " reports",
                        "findings: 0 critical, 1 high, 4 medium, 2 low, 2 secrets; 0 suppressed, not counted")
                .anySatisfy(line -> assertThat(line).startsWith("  failed    secrets 2 > 0 allowed for production"));
        assertThat(text.out()).doesNotContain("AKIAIOSFODNN7EXAMPLE");
        JsonNode summary = new ObjectMapper().readTree(json.out());
        assertThat(summary.get("findings").get("high").asLong()).isEqualTo(1);
        assertThat(summary.get("findings").get("secrets").asLong()).isEqualTo(2);
        assertThat(summary.get("findings").get("byRule").get("Bandit B602").asLong())
                .isEqualTo(1);
    }

    @Test
    void shouldGateOnBenchmarksAgainstABaseline() throws IOException {
        passingBuild();
        Path dir = Files.createDirectories(workspace.resolve("bench"));
        for (String name : List.of("pytest-benchmark-baseline.json", "pytest-benchmark-current.json")) {
            try (var in = java.util.Objects.requireNonNull(
                    getClass().getClassLoader().getResourceAsStream("benchmarks/pytest-benchmark/" + name), name)) {
                Files.copy(in, dir.resolve(name));
            }
        }

        Run run = gateOnReports(
                "staging",
                "--benchmarks",
                "bench/pytest-benchmark-current.json",
                "--benchmark-baseline",
                "bench/pytest-benchmark-baseline.json",
                "--json");

        JsonNode summary = new ObjectMapper().readTree(run.out());
        JsonNode benchmarks = null;
        for (JsonNode criterion : summary.get("criteria")) {
            if (criterion.get("name").asText().equals("benchmarks")) {
                benchmarks = criterion;
            }
        }
        assertThat(benchmarks).isNotNull();
        assertThat(benchmarks.get("status").asText()).isEqualTo("FAILED");
        assertThat(benchmarks.get("message").asText()).contains("tests/test_prices.py::test_format_prices score +");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAMaxFindingsThatLoosensOrIsMalformed() throws IOException {
        passingBuild();

        Run looser = gateOnReports("production", "--findings", "reports/*.sarif", "--max-findings", "high=2");
        Run malformed = gateOnReports("staging", "--max-findings", "high");

        assertThat(looser.exitCode()).isEqualTo(2);
        assertThat(looser.err()).contains("at most 2 high findings is more than production allows (0)");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("--max-findings high: expected KIND=N");
    }

    @Test
    void shouldPrintExactlyOneJsonObject() throws IOException {
        Fixtures.mavenBuild(workspace);

        Run run = gateOnReports("staging", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(json.get("environment").asText()).isEqualTo("staging");
        assertThat(json.get("tests").get("total").asInt()).isEqualTo(32);
        assertThat(json.get("tests").get("flaky").asInt()).isEqualTo(1);
        assertThat(json.get("passRate").asDouble()).isEqualTo(90.0);
        assertThat(json.get("coverage").get("line").get("covered").asInt()).isEqualTo(69);
        assertThat(json.get("criteria").findValuesAsText("name")).contains("reports", "passRate", "coverage.line");
        assertThat(json.get("criteria").get(1).fieldNames())
                .toIterable()
                .contains("name", "measured", "threshold", "passed", "message");
    }

    @Test
    void shouldPassAGoodBuildWithExitCodeZero() throws IOException {
        passingBuild();

        Run run = gateOnReports(
                "production", "--min-coverage", "branch=70", "--min-pass-rate", "99", "--require", "smoke=*SmokeTest");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("genesis gate for production: PASSED")
                .contains("branch coverage 70.00 % >= 70.00 % required for production")
                .contains("pass rate 100.00 % >= 99.00 % required for production")
                .contains("required tests smoke='*SmokeTest': all 1 selected test passed");
    }

    @ParameterizedTest
    @CsvSource({"0.5, 3, UNSTABLE", "0, 1, FAILED"})
    void shouldBeUnstableWithinTheMargin(String margin, int exitCode, String verdict) throws IOException {
        passingBuild();

        Run run = gateOnReports("production", "--min-coverage", "90.4", "--unstable-margin", margin);

        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.out()).startsWith("genesis gate for production: " + verdict);
    }

    @Test
    void shouldCheckTheDropFromTheBaseline() throws IOException {
        passingBuild();

        Run run = gateOnReports("production", "--baseline-coverage", "92.5", "--max-coverage-drop", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("line coverage 90.00 % dropped 2.50 points from the baseline 92.50 %;"
                        + " a drop of at most 1.00 points is allowed for production");
    }

    @Test
    void shouldOverrideAFailedGateOnlyWithAReason() throws IOException {
        Fixtures.mavenBuild(workspace);

        Run forced = gateOnReports("production", "--force", "--reason", "hotfix for INC-42");
        Run noReason = gateOnReports("production", "--force");
        Run reasonOnly = gateOnReports("production", "--reason", "why not");

        assertThat(forced.exitCode()).isZero();
        assertThat(forced.out())
                .startsWith("genesis gate for production: OVERRIDDEN")
                .contains("  override  gate FAILED but overridden by " + System.getProperty("user.name")
                        + ": hotfix for INC-42");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.err()).contains("--force needs --reason");
        assertThat(reasonOnly.exitCode()).isEqualTo(2);
        assertThat(reasonOnly.err()).contains("--reason is only used with --force");
    }

    @Test
    void shouldRecordWhoForcedAndRefuseForceWhereThePolicyForbidsIt(@TempDir Path outside) throws IOException {
        Fixtures.mavenBuild(workspace);
        Host ci = new Host(Clock.systemUTC(), TargetKinds::builtIn, Optional.empty(), "ci-runner", Duration.ZERO);
        Path policy = Files.writeString(
                outside.resolve("policy.yaml"),
                "environments:\n  - name: production\n    minPassRate: 98\n    minCoverage: 85\n"
                        + "    allowForce: false\n  - name: staging\n    minPassRate: 95\n    minCoverage: 85\n");

        Run forced = Run.on(
                ci,
                CommandLines.concat(
                        List.of("gate", "--dir", workspace.toString()),
                        Fixtures.gateOnMavenReports("staging", "--force", "--reason", "INC-7", "--json")));
        Run refused = gateOnReports("production", "--force", "--reason", "INC-7", "--policy", policy.toString());

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("\"overriddenBy\":\"ci-runner\"", "\"overrideReason\":\"INC-7\"");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains("genesis gate: force is not allowed for production: its policy sets allowForce to false;"
                        + " fix: make the gate pass");
    }

    @Test
    void shouldExitWithTwoWhenNoReportMatches() {
        Run run = gate("--environment", "staging", "--tests", "target/surefire-reports/*.xml", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out().lines()).hasSize(1).first().asString().contains("\"verdict\":\"FAILED\"");
        assertThat(run.out()).contains("no files matched target/surefire-reports/*.xml under ");
        assertThat(run.err()).contains("some reports could not be found or read; the gate failed");
    }

    @Test
    void shouldExitWithTwoOnAnUnreadableReportAndNameIt() throws IOException {
        passingBuild();
        write("target/surefire-reports/TEST-broken.xml", "<testsuite><testcase name=\"a\">");

        Run run = gateOnReports("staging");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out())
                .startsWith("genesis gate for staging: FAILED")
                .contains("cannot read target/surefire-reports/TEST-broken.xml at line 1");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--min-pass-rate|abc|--min-pass-rate must be a number between 0 and 100",
                "--min-coverage|statements=80|unknown coverage metric 'statements'",
                "--min-coverage|line=120|--min-coverage must be between 0 and 100",
                "--require|critical|must look like name=pattern",
                "--min-pass-rate|90|is below production's 98.00 %",
                "--unstable-margin|-1|unstableMargin must be between 0 and 100",
                "--tests|/etc/*.xml|is absolute",
                "--environment|qa|unknown environment 'qa'; known: staging, production"
            })
    void shouldExitWithTwoOnBadUsage(String option, String value, String expected) throws IOException {
        passingBuild();
        List<String> args = new ArrayList<>(Fixtures.MAVEN_REPORTS);
        args.addAll(List.of(option, value));
        if (!option.equals("--environment")) {
            args.addAll(List.of("--environment", "production"));
        }

        Run run = gate(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(expected);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldNeedAnEnvironmentAndTests() {
        Run run = Run.of("gate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Missing required options")
                .contains("--environment")
                .contains("--tests");
    }

    @Test
    void shouldTakeEnvironmentsFromGenesisYamlInTheDirectory() throws IOException {
        passingBuild();
        write("genesis.yaml", "environments:\n  - name: qa\n    minPassRate: 100\n    minCoverage: 95\n");

        Run run = gateOnReports("qa");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("line coverage 90.00 % < 95.00 % required for qa");
    }

    @Test
    void shouldExitWithTwoOnABadConfigurationField() throws IOException {
        passingBuild();
        Path config = workspace.resolve("other.yaml");
        Files.writeString(config, "environments:\n  - name: qa\n    minPassrate: 100\n    minCoverage: 95\n");

        Run run = gate(
                "--environment", "qa",
                "--config", config.toString(),
                "--tests", "target/surefire-reports/*.xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(config + ", line 3")
                .contains("environments[0] (qa): unknown key 'minPassrate'")
                .contains("fix: use one of the known keys:")
                .contains("minPassRate");
    }

    @Test
    void shouldExitWithTwoWhenTheNamedConfigurationIsMissing() {
        Run run = gate(
                "--environment", "qa",
                "--config", workspace.resolve("missing.yaml").toString(),
                "--tests", "x.xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing.yaml does not exist or is not a file");
    }

    @Test
    void shouldCompareWithTheBenchmarksRecordedForTheVersionThatRunsNow() throws IOException {
        passingBuild();
        Path bench = Files.createDirectories(workspace.resolve("bench"));
        for (String name : List.of("jmh-baseline.json", "jmh-current.json")) {
            try (var in = java.util.Objects.requireNonNull(
                    getClass().getClassLoader().getResourceAsStream("benchmarks/jmh/" + name), name)) {
                Files.copy(in, bench.resolve(name));
            }
        }
        Path state = workspace.resolve("state");
        String running = "1111111111111111111111111111111111111111";
        Run first = gateOnReports(
                "staging",
                "--benchmarks",
                "bench/jmh-baseline.json",
                "--benchmark-baseline",
                "bench/jmh-baseline.json",
                "--commit",
                running,
                "--state-dir",
                state.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.err()).contains("genesis gate: recorded PASSED for commit 1111111 against staging's bar in");
        java.time.Instant deployed = java.time.Instant.parse("2026-03-02T10:00:00Z");
        new StateDir(state)
                .history()
                .append(new io.genesis.core.history.DeploymentRecord(
                        "r-1",
                        "shop",
                        "staging",
                        "1.0.0",
                        running,
                        null,
                        null,
                        "rolling",
                        "ci",
                        null,
                        deployed,
                        deployed,
                        io.genesis.core.history.RecordStatus.SUCCEEDED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));

        Run next = gateOnReports(
                "staging",
                "--benchmarks",
                "bench/jmh-current.json",
                "--application",
                "shop",
                "--commit",
                "2222222222222222222222222222222222222222",
                "--state-dir",
                state.toString(),
                "--json");

        JsonNode summary = new ObjectMapper().readTree(next.out());
        assertThat(next.exitCode()).as(next.err()).isEqualTo(1);
        assertThat(summary.get("notes").toString())
                .contains("benchmark baseline: the ")
                .contains("benchmarks the gate recorded for shop 1.0.0 (commit 1111111), which runs in staging since"
                        + " 2026-03-02T10:00:00Z");
        assertThat(summary.get("criteria").toString()).contains("benchmarks.allocation");

        Run withoutApplication = gateOnReports(
                "staging", "--benchmarks", "bench/jmh-current.json", "--no-record", "--state-dir", state.toString());
        assertThat(withoutApplication.exitCode()).isEqualTo(1);
        assertThat(withoutApplication.out())
                .contains("no baseline to compare them with: none given, and no --application to look up the version"
                        + " that runs in staging");
        assertThat(withoutApplication.err()).doesNotContain("recorded");
    }
}
