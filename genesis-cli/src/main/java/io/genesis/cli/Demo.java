package io.genesis.cli;

import io.genesis.core.gate.Gate;
import io.genesis.core.gate.GateRequest;
import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.Verdict;
import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.Stage;
import io.genesis.core.rollout.plan.StrategySettings;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's story, told with the real engine, a real target (the sandbox or a Docker engine) and real traffic: gate, a healthy
 * rollout, a faulty canary rolled back automatically, a healthy blue-green, the history. Each act
 * checks its outcome; the story is "as expected" only if every act ended as it should.
 */
final class Demo {

    static final String APPLICATION = "shop";
    static final String ENVIRONMENT = "staging";
    static final String BEFORE = "0.9.0";
    static final String HEALTHY = "1.0.0";
    static final String FAULTY = "2.0.0";
    static final String BETTER = "3.0.0";
    static final double FAULTY_PERCENT = 25;

    /** The report files bundled in the jar: real Surefire and JaCoCo output of the fixture shop's 1.x build. */
    static final List<String> REPORTS = List.of(
            "surefire-reports/TEST-com.example.shop.CalculatorTest.xml",
            "surefire-reports/TEST-com.example.shop.CartTest.xml",
            "surefire-reports/TEST-com.example.shop.CheckoutCriticalTest.xml",
            "surefire-reports/TEST-com.example.shop.SmokeTest.xml",
            "surefire-reports/TEST-com.example.shop.TextUtilsTest.xml",
            "jacoco/jacoco.xml");

    /** Demo-sized: a sample every 2 s instead of 30 s. */
    static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(2);

    /** The canary strategy with demo-sized windows: the faulty version is caught in the first one. */
    static final StrategySettings CANARY =
            StrategySettings.DEFAULTS.withShifts(StrategySettings.parseShifts("demo canary", "20:20s, 50:20s, 100"));
    /** The blue-green strategy with demo-sized windows and rollback window. */
    static final StrategySettings BLUE_GREEN = StrategySettings.DEFAULTS
            .withShifts(StrategySettings.parseShifts("demo blue-green", "10:6s, 50:6s, 100:6s"))
            .withKeepPrevious(Duration.ofSeconds(4));

    private final Host host;
    private final DemoStage stage;
    private final StateDir state;
    private final Path workspace;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<String> surprises = new ArrayList<>();

    Demo(Host host, DemoStage stage, StateDir state, Path workspace, PrintWriter out, PrintWriter err) {
        this.host = host;
        this.stage = stage;
        this.state = state;
        this.workspace = workspace;
        this.out = out;
        this.err = err;
    }

    /** Tells the story; returns whether everything went as expected. */
    boolean run() throws IOException, InterruptedException {
        Instant start = host.clock().instant();
        Environment staging = Environments.defaults().named(ENVIRONMENT);
        out.println("genesis demo: " + stage.where() + ", state in " + state);
        out.println("  plan windows are demo-sized: analysis windows of 6 to 20 s sampled every "
                + Durations.format(SAMPLE_INTERVAL) + " (the release guide: 2 to 10 min, sampled every 30 s);"
                + " traffic and measurements are real");
        gate(staging);
        try (TargetKinds kinds = new TargetKinds(List.of(stage.kind()))) {
            AnalysisThresholds analysis = AnalysisThresholds.defaults().withSampleInterval(SAMPLE_INTERVAL);
            Progress progress = new Progress(out, host.clock());
            Approvals nobody =
                    new Approvals(Optional.empty(), Set.of(), false, Optional.empty(), host.user(), host.clock());
            try (Engine engine = Engine.builder(state, host, kinds, err)
                    .approver(nobody)
                    .listener(progress)
                    .samples(progress::sampled, analysis)
                    .build()) {
                Rollouts rollouts = new Rollouts(engine, stage, staging, analysis, progress, nobody);
                act("2. A healthy " + HEALTHY + " rolls out (rolling: batches of 25 %, each waiting until healthy)");
                expect(
                        rollouts.run(HEALTHY, "rolling", StrategySettings.DEFAULTS, "", false),
                        RecordStatus.SUCCEEDED,
                        null);
                act("3. A faulty " + FAULTY + " (it fails " + (int) FAULTY_PERCENT + " % of requests) goes canary:"
                        + " 20 % of traffic, analysed every " + Durations.format(SAMPLE_INTERVAL));
                expect(
                        rollouts.run(
                                FAULTY,
                                "canary",
                                CANARY,
                                "demo: canary with demo-sized windows (20 s instead of 10 min)",
                                false),
                        RecordStatus.ROLLED_BACK,
                        "error rate");
                act("4. A healthy " + BETTER + " goes blue-green: 10 % -> 50 % -> 100 %, each analysed for 6 s,"
                        + " keeping " + HEALTHY + " for 4 s for instant rollback");
                expect(
                        rollouts.run(
                                BETTER,
                                "blueGreen",
                                BLUE_GREEN,
                                "demo: blue-green with demo-sized windows (6 s instead of 2 to 5 min) and 4 s instead"
                                        + " of 24 h keeping the previous version",
                                true),
                        RecordStatus.SUCCEEDED,
                        null);
                stage.traffic(out);
            }
        }
        history();
        Duration took = Duration.between(start, host.clock().instant());
        if (surprises.isEmpty()) {
            out.println("genesis demo: as expected, in " + RecordText.seconds(took));
            return true;
        }
        out.println("genesis demo: NOT as expected, in " + RecordText.seconds(took) + ":");
        surprises.forEach(surprise -> out.println("  " + surprise));
        return false;
    }

    private void gate(Environment staging) throws IOException {
        act("1. The quality gate for " + ENVIRONMENT + " on the build's reports (real Surefire and JaCoCo output,"
                + " bundled with genesis)");
        copyReports(workspace);
        GateVerdict verdict = Gate.evaluate(GateRequest.builder(staging, workspace)
                .testReports("surefire-reports/*.xml")
                .coverageReports("jacoco/jacoco.xml")
                .build());
        HumanReport.print(verdict, out);
        if (verdict.verdict() != Verdict.PASSED) {
            surprises.add("the gate should have passed, but it is " + verdict.verdict());
        }
    }

    /** Writes the bundled reports ({@link #REPORTS}) under {@code workspace}, as a build would have. */
    static void copyReports(Path workspace) throws IOException {
        for (String name : REPORTS) {
            Path file = workspace.resolve(name);
            Files.createDirectories(Objects.requireNonNull(file.getParent()));
            try (InputStream in = Demo.class.getResourceAsStream("/demo/reports/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the demo report " + name + " is missing from this build");
                }
                Files.copy(in, file);
            }
        }
    }

    private void history() {
        act("5. The history, newest first, and what runs where");
        List<DeploymentRecord> records = state.history().all(HistoryQuery.newest(1));
        RecordText.table(records, out);
        List<RolloutState> states = state.states().list();
        StatusCommand.print(
                state,
                CurrentDeployments.from(records),
                states.stream().filter(s -> s.stage() != Stage.DONE).toList(),
                List.of(),
                out);
        DeploymentKey key = new DeploymentKey(APPLICATION, ENVIRONMENT);
        String running = CurrentDeployments.from(records)
                .at(key)
                .map(DeploymentRecord::version)
                .orElse("nothing");
        if (!running.equals(BETTER)) {
            surprises.add("what runs in " + ENVIRONMENT + " should be " + BETTER + ", but the records say " + running);
        }
    }

    private void expect(DeploymentRecord record, RecordStatus status, String reasonMentions) {
        out.println("  => " + record.version() + " " + record.status() + " after " + RecordText.took(record) + ": "
                + RecordText.reason(record)
                + record.restoreTime()
                        .map(d -> "; traffic back on the stable version " + Durations.format(d) + " after the trigger")
                        .orElse(""));
        if (record.status() != status) {
            surprises.add(record.version() + " should have ended " + status + ", but ended " + record.status() + ": "
                    + record.reason());
        } else if (reasonMentions != null && !record.reason().contains(reasonMentions)) {
            surprises.add(record.version() + " ended " + status + ", but not because of the " + reasonMentions + ": "
                    + record.reason());
        }
    }

    private void act(String title) {
        out.println();
        out.println(title);
        out.flush();
    }

    /** Runs the demo's rollouts one after the other on one engine and one stage. */
    private final class Rollouts {
        private final Engine engine;
        private final DemoStage stage;
        private final Environment environment;
        private final AnalysisThresholds analysis;
        private final Progress progress;
        private final Approvals approvals;

        Rollouts(
                Engine engine,
                DemoStage stage,
                Environment environment,
                AnalysisThresholds analysis,
                Progress progress,
                Approvals approvals) {
            this.engine = engine;
            this.stage = stage;
            this.environment = environment;
            this.analysis = analysis;
            this.progress = progress;
            this.approvals = approvals;
        }

        DeploymentRecord run(String version, String strategy, StrategySettings settings, String note, boolean settle)
                throws InterruptedException {
            DeploymentKey key = new DeploymentKey(APPLICATION, ENVIRONMENT);
            TargetSpec target = stage.target(key, new Version(version), progress::line);
            RolloutRequest.Builder request = RolloutRequest.builder(APPLICATION, environment)
                    .commit(commitOf(version))
                    .ref(SourceRef.branch("main"))
                    .version(new Version(version))
                    .strategy(strategy)
                    .strategySettings(settings)
                    .target(target)
                    .analysis(analysis)
                    .initiator(host.user())
                    .fromBuild("genesis demo");
            stage.kind().metricsFor(key, target).ifPresent(request::metrics);
            if (!note.isEmpty()) {
                request.note(note);
            }
            RolloutId id = engine.orchestrator().submit(request.build());
            Watch watch = new Watch(engine, host, progress, approvals);
            if (settle) {
                watch.untilSettled(id);
            } else {
                watch.untilEnded(id);
            }
            return engine.history().find(id.value()).orElseThrow();
        }
    }

    /** A stand-in commit for each demo version: the SHA-1 of its name, so records have a commit to show. */
    static String commitOf(String version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((APPLICATION + " " + version).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
