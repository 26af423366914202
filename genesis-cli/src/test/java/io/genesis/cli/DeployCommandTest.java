package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.target.Health;
import io.genesis.core.target.TargetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeployCommandTest {

    private static final String QUICK = "deploy; smoke; weight 50; weight 100; promote; scaleDown";
    /** A plan with one short analysis, sampled every 100 ms. */
    private static final String[] ANALYSED = {
        "--sample-interval", "100ms", "--steps", "deploy; smoke; weight 50; analyse 1s; weight 100; promote; scaleDown"
    };

    @TempDir
    Path dir;

    private final RecordingKind recording = new RecordingKind();

    private Path state() {
        return dir.resolve("state");
    }

    private Run deploy(Host host, String... args) {
        return Run.on(host, CommandLines.deploy(state(), "shop", args));
    }

    /** A deploy of shop to {@code environment} on the recording target, then {@code more}. */
    private Run deployTo(Host host, String environment, String... more) {
        return deploy(host, CommandLines.concat(List.of("--environment", environment, "--target", "recording"), more));
    }

    /** The quick plan to production, where alice must approve ({@link #config()}), then {@code more}. */
    private Run quickToProduction(Host host, String... more) throws IOException {
        return deployTo(
                host,
                "production",
                CommandLines.concat(List.of("--steps", QUICK, "--policy", config().toString()), more));
    }

    private List<DeploymentRecord> records() {
        return CommandLines.records(state());
    }

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("genesis.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    allowedTags: ["v*"]
                  - name: production
                    minPassRate: 98
                    minCoverage: 85
                    approvalRequired: true
                    approvers: [alice]
                    allowedBranches: [main]
                    allowedTags: ["v*"]
                    requiresPassed: []
                """);
    }

    private static Optional<Prompter> answering(String... answers) {
        Deque<String> script = new ArrayDeque<>(List.of(answers));
        return Optional.of(question -> Optional.ofNullable(script.poll()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--environment staging --target kubernetes|unknown target 'kubernetes'; known: recording (an in-memory"
                        + " target for tests), sandbox (",
                "--environment qa --target recording|unknown environment 'qa'; known: staging, production",
                "--environment staging --target recording --strategy linear|unknown strategy 'linear'; known:"
                        + " blueGreen, rolling, canary, custom",
                "--environment staging --target recording --strategy canary --steps deploy|steps were given for"
                        + " strategy 'canary', which has its own; use strategy 'custom'",
                "--environment staging --target recording --steps deploy;wait_5s|step 2 'wait_5s' is not valid:"
                        + " unknown step 'wait_5s'",
                "--environment staging --target recording --strategy canary --shifts 20:1m,150|--shifts shift 2 '150'"
                        + " is not valid: weight must be",
                "--environment staging --target recording --strategy canary --keep-previous 1h|keepPrevious was given"
                        + " for strategy 'canary'",
                "--environment staging --target recording --strategy rolling --max-surge 0 --max-unavailable 0|maxSurge"
                        + " and maxUnavailable are both 0 %",
                "--environment staging --target recording --strategy rolling --shifts 50,100|traffic shifts were given"
                        + " for strategy 'rolling'",
                "--environment staging --target recording --ref main --tag v1.0.0|--ref and --tag exclude each other",
                "--environment staging --target recording --prometheus-query errorRate=up|--prometheus-query needs"
                        + " --prometheus URL",
                "--environment staging --target recording --prometheus http://127.0.0.1:9/ --prometheus-query"
                        + " errors=up|--prometheus-query errors=… names no metric; known: availability, errorRate,",
                "--environment staging --target recording --prometheus http://127.0.0.1:9/ --prometheus-query"
                        + " errorRate=up --probe-url http://127.0.0.1:9/|--prometheus and --probe-url exclude each other",
                "--environment staging --target recording --prometheus http://127.0.0.1:9/|prometheus needs at least"
                        + " one query",
                "--environment staging --target recording --probe-timeout 1s|--probe-requests, --probe-timeout and"
                        + " --probe-latency need --probe-url",
                "--environment staging --target recording --version .bad|version '.bad' is not valid",
                "--environment staging --target recording --build-date yesterday|--build-date 'yesterday' is not an"
                        + " instant; write it as 2026-12-07T06:00:00Z",
                "--environment staging --target recording --commit-time 2026-12-07T06:00|--commit-time"
                        + " '2026-12-07T06:00' is not a commit time: expected ISO-8601 with an offset, such as"
                        + " 2026-12-07T06:00:00+01:00",
                "--environment staging --target recording --tag-pattern release-\\d+|the version pattern"
                        + " 'release-\\d+' has 0 capturing groups",
                "--environment staging --target recording --sample-interval soon|--sample-interval must be a duration",
                "--environment staging --target recording --health-timeout 0s|--health-timeout must be longer than 0 s",
                "--environment staging --target recording --on-inconclusive shrug|unknown inconclusive action 'shrug';"
                        + " known: pause, fail, roll-back",
                "--environment staging --target sandbox --target-option fail=5|unknown sandbox option 'fail'; known:"
                        + " failPercent (",
                "--environment staging --target sandbox --target-option failPercent=120|sandbox option failPercent"
                        + " must be a number from 0 to 100, got '120'",
                "--environment production --target recording|production requires approval (administrators only, as"
                        + " nobody is named), and nobody can give it here: pass --approve-as USER --as-administrator,"
                        + " or run genesis in a terminal to be asked"
            })
    void shouldRefuseBadInputWithExitCodeTwoBeforeTouchingAnything(String args, String expected) {
        Run run = deploy(recording.host(), args.split(" "));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("genesis deploy: ").contains(expected);
        assertThat(state()).doesNotExist();
        assertThat(recording.target.operations()).isEmpty();
    }

    @Test
    void shouldNameMissingOptions() {
        Run run = Run.on(recording.host(), "deploy", "--application", "shop");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option", "--environment");
    }

    @Test
    void shouldAskForATargetWhenNeitherTheCommandNorTheConfigurationNamesOne() {
        Run run = deploy(recording.host(), "--environment", "staging", "--steps", QUICK);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("--target is needed: staging names no target in the configuration; pass --target KIND"
                        + " (known: recording (an in-memory target for tests), sandbox (");
        assertThat(state()).doesNotExist();
    }

    @Test
    void shouldDeployToTheTargetTheEnvironmentNamesUnlessTheCommandLineNamesAnother() throws IOException {
        Path config = Files.writeString(dir.resolve("targets.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    target: {kind: recording}
                  - name: qa
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    target: {kind: sandbox, stable: 1.2.0}
                """);

        Run fromFile =
                deploy(recording.host(), "--environment", "staging", "--config", config.toString(), "--steps", QUICK);
        Run overridden = deployTo(recording.host(), "qa", "--config", config.toString(), "--steps", QUICK);

        assertThat(fromFile.exitCode()).as(fromFile.out() + fromFile.err()).isZero();
        assertThat(fromFile.out()).contains("to staging with custom on recording");
        assertThat(overridden.exitCode())
                .as(overridden.out() + overridden.err())
                .isZero();
        assertThat(overridden.out())
                .contains("note: --target recording overrides the sandbox target named at " + config
                        + ", line 11, column 5: environments[1] (qa) target; its settings are not used")
                .contains("to qa with custom on recording")
                .doesNotContain("sandbox started");
    }

    @Test
    void shouldRefuseKubernetesOptionsForAnotherTarget() {
        Run run = deployTo(
                recording.host(), "staging", "--steps", QUICK, "--namespace", "prod", "--image", "reg/shop:1.0.0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("options for --target kubernetes were given (namespace, image), but this deploy goes to"
                        + " recording");
        assertThat(recording.target.operations()).isEmpty();
    }

    @Test
    void shouldRefuseACommitThatIsNoCommit() {
        Run run = Run.on(
                recording.host(),
                CommandLines.deployFrom(
                        "HEAD~1", state(), "shop", "--environment", "staging", "--target", "recording"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("commit 'HEAD~1' is not a commit id");
    }

    @Test
    void shouldShowHelpWithTheExitCodes() {
        Run run = Run.on(recording.host(), "deploy", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--strategy", "--steps", "--approve-as", "Exit codes:")
                .contains("3   the rollout was aborted before it touched anything");
    }

    @Test
    void shouldPrintEachStepAndSucceedWithExitCodeZero() {
        Run run = deployTo(recording.host(), "staging", "--version", "1.3.0", "--steps", QUICK);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("genesis deploy: shop 1.3.0 to staging with custom on recording; state in " + state())
                .contains("step 3/6: set weight 50.00 %")
                .contains("step 3 (setWeight) completed: router sends 50.00 % to the candidate")
                .contains("genesis deploy: shop 1.3.0 to staging SUCCEEDED after ")
                .contains("record in " + state().resolve("history.jsonl"));
        assertThat(recording.target.stable()).isEqualTo("1.3.0");
        assertThat(records()).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
            assertThat(record.initiator()).isEqualTo("tester");
            assertThat(record.ref()).isEqualTo("branch main");
        });
    }

    @Test
    void shouldTuneABuiltInStrategyAndKeepItsNameInTheRecord() {
        Run run = deployTo(
                recording.host(), "staging", "--version", "1.3.0", "--strategy", "canary", "--shifts", "30, 100");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("set weight 30.00 %").doesNotContain("set weight 5.00 %");
        assertThat(records()).singleElement().satisfies(record -> {
            assertThat(record.strategy()).isEqualTo("canary");
            assertThat(record.notes()).contains("canary tuned for this rollout: shifts 30.00 % → 100.00 %");
        });
    }

    @Test
    void shouldTakeTheVersionFromAReleaseTagAndPrintTheRecordAsJson() throws IOException {
        Run run = deployTo(
                recording.host(),
                "staging",
                "--steps",
                QUICK,
                "--tag",
                "v1.4.0",
                "--policy",
                config().toString(),
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        JsonNode record = new ObjectMapper().readTree(run.out());
        assertThat(record.get("version").asText()).isEqualTo("1.4.0");
        assertThat(record.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(record.get("ref").asText()).isEqualTo("tag v1.4.0");
        assertThat(run.err()).contains("step 6/6: scale down previous version");
    }

    @Test
    void shouldRecordTheReleaseManifestAndShowItInTheHistory() throws IOException {
        Run run = deployTo(
                recording.host(),
                "staging",
                "--steps",
                QUICK,
                // A pattern of its own, for a tag that staging's allowed tags (v*) take.
                "--tag",
                "v-release-4.2",
                "--tag-pattern",
                "v-release-(.+)",
                "--build",
                "https://ci.example.com/job/shop/42/",
                "--build-date",
                "2026-12-07T06:00:00Z",
                "--policy",
                config().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        DeploymentRecord record = records().get(0);
        assertThat(record.version()).isEqualTo("4.2");
        assertThat(record.build()).isEqualTo("https://ci.example.com/job/shop/42/");
        assertThat(record.builtAt()).contains(java.time.Instant.parse("2026-12-07T06:00:00Z"));
        Run history = Run.on(recording.host(), "history", "--state-dir", state().toString(), "--details");
        assertThat(history.out())
                .contains("in https://ci.example.com/job/shop/42/ (built 2026-12-07 06:00:00Z)")
                .contains("shop 4.2 to staging");
        Run table = Run.on(recording.host(), "history", "--state-dir", state().toString());
        assertThat(table.out()).contains("COMMIT").contains(record.commit().substring(0, 7));
    }

    @Test
    void shouldExitWithOneWhenTheRolloutIsRolledBack() {
        recording.target.failNext("promote", new TargetException("promote refused by the test"));

        Run run = deployTo(recording.host(), "staging", "--steps", QUICK);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("rolling back: step 5 (promote) failed: promoting the candidate failed: promote refused by"
                        + " the test")
                .contains("ROLLED_BACK");
        assertThat(recording.target.stable()).isEqualTo("1.0.0");
    }

    @Test
    void shouldRefuseARefTheEnvironmentDoesNotDeployFrom() {
        Run run = deployTo(recording.host(), "staging", "--steps", QUICK, "--ref", "feature/x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("branch feature/x", "(staging)");
        assertThat(records()).isEmpty();
    }

    @Test
    void shouldRefuseAnInvalidPlanNamingTheStep() {
        Run run = deployTo(recording.host(), "staging", "--steps", "deploy; weight 50; weight 20; weight 100; promote");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("step 3 (setWeight): weight 20.00 % must rise above the previous weight 50.00 %");
        assertThat(recording.target.operations()).isEmpty();
    }

    @Test
    void shouldDeployAfterApprovalGivenWithAFlag() throws IOException {
        Run run = quickToProduction(recording.host(), "--approve-as", "alice");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("approved by alice: approved on the command line with --approve-as");
        assertThat(records().get(0).approvals()).singleElement().satisfies(approval -> {
            assertThat(approval.by()).isEqualTo("alice");
            assertThat(approval.approved()).isTrue();
        });
    }

    @Test
    void shouldFailTheStepWhenTheCandidateIsNotHealthyWithinTheHealthTimeoutGiven() {
        recording.target.health(java.util.stream.Stream.generate(() -> Health.progressing("answered 503"))
                .limit(10_000)
                .toArray(Health[]::new));

        Run run = deployTo(recording.host(), "staging", "--steps", "deploy; promote", "--health-timeout", "1s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("candidate not healthy within 1 s (progressing: answered 503)");
    }

    @Test
    void shouldTellWhatItStillWaitsForWhileTheCandidateIsNotHealthyYet() {
        recording.target.health(java.util.stream.Stream.generate(() -> Health.progressing("answered 503"))
                .limit(10_000)
                .toArray(Health[]::new));
        // The clock runs five times as fast as the wall: the 5 s between two lines pass in one real second.
        Host host = new Host(
                new FastClock(5),
                () -> new TargetKinds(List.of(recording, SandboxKind.standard())),
                Optional.empty(),
                "tester",
                Duration.ofMillis(20));

        Run run = deployTo(host, "staging", "--steps", "deploy; promote", "--health-timeout", "30s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("still waiting for the candidate to be healthy on recording target recording shop (")
                .contains(" of at most 30 s); last answer: answered 503")
                .contains("candidate not healthy within 30 s (progressing: answered 503)");
    }

    /** A clock that runs {@code speed} times as fast as the system's, from when it was made. */
    private static final class FastClock extends Clock {
        private final Instant start = Instant.now();
        private final long startNanos = System.nanoTime();
        private final int speed;

        FastClock(int speed) {
            this.speed = speed;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos((System.nanoTime() - startNanos) * speed);
        }
    }

    @Test
    void shouldRefuseAHealthTimeoutLongerThanTheEnvironmentAllowsBeforeTouchingAnything() throws IOException {
        Path config = Files.writeString(dir.resolve("deadline.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    healthDeadlineMinutes: 3
                    target: {kind: recording}
                """);

        Run run = deploy(
                recording.host(),
                "--environment",
                "staging",
                "--config",
                config.toString(),
                "--steps",
                QUICK,
                "--health-timeout",
                "5m");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("--health-timeout 5 min is longer than the 3 min environment staging allows; fix: ask for at"
                        + " most that, or raise healthDeadlineMinutes of staging in its configuration");
        assertThat(recording.target.operations()).isEmpty();
    }

    @Test
    void shouldRefuseAnInvalidPlanBeforeTheSandboxStarts() {
        Run run = deploy(
                recording.host(),
                "--environment",
                "staging",
                "--target",
                "sandbox",
                "--steps",
                "deploy; weight 50; weight 20; promote");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("genesis deploy: the custom plan is not valid:")
                .contains("weight 20.00 % must rise above the previous weight 50.00 %");
        assertThat(run.out()).doesNotContain("sandbox started");
        assertThat(state()).doesNotExist();
    }

    @Test
    void shouldCancelWithExitCodeTwoWhenTheFlagNamesSomebodyWhoMayNotApprove() throws IOException {
        Run run = quickToProduction(recording.host(), "--approve-as", "mallory");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out())
                .contains("the approval given with --approve-as was refused: mallory may not answer this request;"
                        + " who may: users alice; cancelling the rollout");
        assertThat(records())
                .singleElement()
                .extracting(DeploymentRecord::status)
                .isEqualTo(RecordStatus.ABORTED);
        assertThat(recording.target.operations()).isEmpty();
    }

    @Test
    void shouldNotCallARefusedApprovalThatTouchedNothingARollback() throws IOException {
        quickToProduction(recording.host(), "--approve-as", "mallory");

        assertThat(records()).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(RecordStatus.ABORTED);
            assertThat(record.reason())
                    .startsWith("cancelled by genesis: the approval given with --approve-as was refused")
                    .doesNotContain("rolled back");
        });
    }

    @Test
    void shouldAskThePersonAtTheTerminal() throws IOException {
        Host host = recording.host().withPrompter(answering("y", "alice"));

        Run run = quickToProduction(host);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(records().get(0).approvals().get(0).comment()).isEqualTo("approved at the terminal");
    }

    @Test
    void shouldRecordTheAccountBesideEveryClaimedName() throws IOException {
        Run run = quickToProduction(recording.host(), "--approve-as", "alice", "--initiator", "bob");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        DeploymentRecord record = records().get(0);
        assertThat(record.initiator()).isEqualTo("bob");
        assertThat(record.initiatorAccount()).isEqualTo("tester");
        assertThat(record.approvals().get(0).by()).isEqualTo("alice");
        assertThat(record.approvals().get(0).account()).isEqualTo("tester");
    }

    @Test
    void shouldRefuseSelfApprovalFromTheAccountThatStartedTheRolloutWhateverNamesAreClaimed() throws IOException {
        Path policy = Files.writeString(dir.resolve("strict.yaml"), """
                environments:
                  - name: production
                    minPassRate: 98
                    minCoverage: 85
                    approvalRequired: true
                    approvers: [alice]
                    preventSelfApproval: true
                    allowedBranches: [main]
                    requiresPassed: []
                """);

        Run run = deployTo(
                recording.host(),
                "production",
                "--steps",
                QUICK,
                "--policy",
                policy.toString(),
                "--approve-as",
                "alice",
                "--initiator",
                "bob");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out())
                .contains("the answer comes from the account tester, which started this rollout, and self-approval is"
                        + " prevented for production");
        assertThat(recording.target.operations()).isEmpty();
    }

    @Test
    void shouldAbortWithExitCodeThreeWhenRejectedAtTheTerminal() throws IOException {
        Host host = recording.host().withPrompter(answering("n", "alice"));

        Run run = quickToProduction(host);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(records().get(0).status()).isEqualTo(RecordStatus.ABORTED);
        assertThat(records().get(0).reason()).isEqualTo("approval rejected by alice: rejected at the terminal");
    }

    @Test
    void shouldAskAgainWhenTheTerminalAnswerIsRefusedAndGiveUpAfterThree() throws IOException {
        Host host = recording.host().withPrompter(answering("y", "bob", "y", "carol", "y", "dave"));

        Run run = quickToProduction(host);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out())
                .contains("answer refused: bob may not answer this request; who may: users alice; try again")
                .contains("answer refused: dave may not answer this request; who may: users alice; giving up")
                .contains("nobody at the terminal gave an answer the rules accept; cancelling the rollout");
    }

    @Test
    void shouldRollBackAHaltedRolloutWhenNobodyIsAtATerminal() {
        recording.metrics.script(window -> java.util.Map.of());

        Run run = deployTo(recording.host(), "staging", ANALYSED);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("sample over \\d+ ms \\(inconclusive\\): error rate: no data")
                .contains("halted: inconclusive sample: error rate: no data")
                .contains("rolled back by genesis: halted (inconclusive sample: error rate: no data");
    }

    @Test
    void shouldResumeAHaltedRolloutWhenThePersonAtTheTerminalSaysSo() {
        recording.metrics.script(window -> java.util.Map.of());
        Host host = recording.host().withPrompter(Optional.of(question -> {
            recording.metrics.script(window -> io.genesis.core.monitor.ScriptedMetricSource.HEALTHY);
            return Optional.of("r");
        }));

        Run run = deployTo(host, "staging", ANALYSED);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("resumed by tester", "step 4 (analysis) completed: ");
    }

    /** The quick plan to staging from {@link CommandLines#COMMIT}, git asked in {@code checkout}, then {@code more}. */
    private Run quickToStagingIn(Path checkout, String... more) {
        return deployTo(
                recording.host().inCheckout(checkout), "staging", CommandLines.concat(List.of("--steps", QUICK), more));
    }

    @Test
    void shouldRecordTheTimeGitGivesForTheCommitOfTheCheckout() throws IOException, InterruptedException {
        TestRepository checkout = TestRepository.withOneCommit(dir.resolve("checkout"));
        Host inCheckout = recording.host().inCheckout(checkout.directory());

        // No --commit: the checkout's HEAD, and its committer date.
        Run run = Run.on(
                inCheckout,
                "deploy",
                "--application",
                "shop",
                "--environment",
                "staging",
                "--target",
                "recording",
                "--steps",
                QUICK,
                "--state-dir",
                state().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        DeploymentRecord record = records().get(0);
        assertThat(record.commit()).isEqualTo(checkout.head());
        // 06:00 at +01:00, as GIT_COMMITTER_DATE set it
        assertThat(record.committedAt()).contains(Instant.parse("2026-12-07T05:00:00Z"));
        assertThat(run.out()).doesNotContain("no commit time");
        Run history = Run.on(inCheckout, "history", "--state-dir", state().toString(), "--details");
        assertThat(history.out()).contains("commit " + checkout.head() + " (made 2026-12-07 05:00:00Z) from");
    }

    @Test
    void shouldDeployWithoutACommitTimeWhenGitDoesNotKnowTheCommitAndSaySoOnce()
            throws IOException, InterruptedException {
        TestRepository checkout = TestRepository.withOneCommit(dir.resolve("checkout"));

        Run run = quickToStagingIn(checkout.directory());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(records().get(0).committedAt()).isEmpty();
        assertThat(run.out().lines().filter(line -> line.contains("no commit time")))
                .singleElement()
                .asString()
                .contains("note: no commit time for the record ('git show -s --format=%cI "
                        + CommandLines.COMMIT + "^{commit}' in "
                        + checkout.directory().toAbsolutePath()
                        + " failed (exit 128: ")
                .endsWith("its DORA lead time starts at the build date (--build-date) if given, else it is left"
                        + " out: pass --commit-time to give it");
    }

    @Test
    void shouldDeployWithoutACommitTimeOutsideAGitCheckout() throws IOException {
        Run run = quickToStagingIn(Files.createDirectories(dir.resolve("not-a-checkout")));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(records().get(0).committedAt()).isEmpty();
        assertThat(run.out())
                .containsOnlyOnce("note: no commit time for the record (")
                .contains("not a git repository");
    }

    @Test
    void shouldTakeTheCommitTimeGivenWithoutAskingGit() throws IOException {
        Run run = quickToStagingIn(
                Files.createDirectories(dir.resolve("not-a-checkout")), "--commit-time", "2026-12-06T21:30:00-08:00");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(records().get(0).committedAt()).contains(Instant.parse("2026-12-07T05:30:00Z"));
        assertThat(run.out()).doesNotContain("no commit time");
    }
}
