package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.Metric;
import io.genesis.core.watch.FileWatchStore;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genesis deploy} registers the watch its environment calls for, and a server on the same state
 * directory ({@code genesis serve}'s) adopts, runs and hands it over; real time, with 100 ms samples.
 */
class ServerTest {

    private static final String KEEP_PREVIOUS = "deploy; smoke; weight 50; weight 100; promote; scaleDown 1h";
    private static final Map<Metric, Double> BREACH = Map.of(
            Metric.ERROR_RATE, 7.5,
            Metric.LATENCY_P95, 120.0,
            Metric.AVAILABILITY, 99.99);

    @TempDir
    Path dir;

    private final RecordingKind recording = new RecordingKind();
    private final StringWriter said = new StringWriter();

    private Path state() {
        return dir.resolve("state");
    }

    /** staging watches every successful rollout for an hour. */
    private Path policy() throws IOException {
        return Files.writeString(dir.resolve("policy.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    watchHours: 1
                """);
    }

    private Run deploy(String... more) throws IOException {
        return Run.on(
                recording.host(),
                CommandLines.deploy(
                        state(),
                        "shop",
                        CommandLines.concat(
                                List.of(
                                        "--environment",
                                        "staging",
                                        "--target",
                                        RecordingKind.NAME,
                                        "--version",
                                        "1.3.0",
                                        "--steps",
                                        KEEP_PREVIOUS,
                                        "--sample-interval",
                                        "100ms",
                                        "--policy",
                                        policy().toString()),
                                more)));
    }

    private Engine engine() {
        return Engine.builder(
                        new StateDir(state()).requirePrivate(),
                        recording.host(),
                        new TargetKinds(List.of(recording)),
                        new PrintWriter(said, true))
                .build();
    }

    private Server serve(Engine engine) {
        return Server.start(
                engine,
                recording.host(),
                new Progress(new PrintWriter(said, true), Clock.systemUTC()),
                Duration.ofMillis(50),
                List.of());
    }

    private List<WatchState> watches() {
        return new FileWatchStore(state().resolve("watches")).list();
    }

    @Test
    void shouldRegisterTheWatchOnDeployForAServerToRun() throws IOException {
        Run deployed = deploy();

        assertThat(deployed.exitCode()).as(deployed.out() + deployed.err()).isZero();
        assertThat(deployed.out())
                .contains("registered watch w-")
                .contains("version 1.3.0 of shop in staging for 1 h")
                .contains("the watch runs in 'genesis serve --state-dir " + state());
        assertThat(watches()).singleElement().satisfies(watch -> {
            assertThat(watch.ended()).isFalse();
            assertThat(watch.sampling().run().samples()).isZero();
            assertThat(watch.leaseExpiresAt()).isBeforeOrEqualTo(Instant.now());
        });
        Run status = Run.on(recording.host(), "status", "--state-dir", state().toString());
        assertThat(status.out())
                .contains("watches:")
                .containsPattern("w-\\S+ +shop +staging +1\\.3\\.0 .* +0 +none +run by nobody yet");
        Run json = Run.on(recording.host(), "status", "--json", "--state-dir", state().toString());
        assertThat(json.out())
                .contains("\"watches\":[{\"watch\":\"" + watches().get(0).id() + "\"")
                .contains("\"version\":\"1.3.0\"", "\"samples\":0", "\"openIncidents\":0", "\"owner\":\"\"");
    }

    @Test
    void shouldAdoptARegisteredWatchAndRollBackOnABreach() throws Exception {
        assertThat(deploy().exitCode()).isZero();
        recording.metrics.script(window -> BREACH);

        try (Engine engine = engine();
                Server server = serve(engine)) {
            Eventually.until(
                    "the watch ended",
                    Duration.ofSeconds(20),
                    () -> watches().get(0).ended());
            Eventually.until(
                    "the server forgot the ended watch",
                    Duration.ofSeconds(5),
                    () -> server.running().isEmpty());
        }

        WatchState ended = watches().get(0);
        assertThat(ended.outcome().verdict()).as(said.toString()).isEqualTo(WatchVerdict.ROLLED_BACK);
        assertThat(ended.outcome().reason()).contains("error rate 7.50 % > 5.00 % automatic rollback");
        assertThat(recording.target.stable()).isEqualTo("1.0.0");
        assertThat(said.toString()).contains("picked up 1 watch(es)");
        assertThat(CommandLines.records(state()).get(0).status().name()).isEqualTo("ROLLED_BACK");
    }

    @Test
    void shouldHandItsWatchesToTheNextServerWhenStopped() throws Exception {
        assertThat(deploy().exitCode()).isZero();
        String firstOwner;
        try (Engine engine = engine();
                Server server = serve(engine)) {
            Eventually.until(
                    "samples taken",
                    Duration.ofSeconds(20),
                    () -> watches().get(0).sampling().run().samples() >= 2);
            firstOwner = engine.owner().name();
        }
        WatchState handedOver = watches().get(0);
        assertThat(handedOver.ended()).isFalse();
        assertThat(handedOver.owner()).isEqualTo(firstOwner);
        assertThat(handedOver.leaseExpiresAt()).isBeforeOrEqualTo(Instant.now());

        try (Engine engine = engine();
                Server next = serve(engine)) {
            assertThat(next.running()).containsExactly(handedOver.id());
            recording.metrics.script(window -> BREACH);
            Eventually.until(
                    "the watch ended",
                    Duration.ofSeconds(20),
                    () -> watches().get(0).ended());
            assertThat(watches().get(0).owner()).isEqualTo(engine.owner().name());
        }
        assertThat(watches().get(0).outcome().verdict()).isEqualTo(WatchVerdict.ROLLED_BACK);
        assertThat(watches().get(0).sampling().run().samples())
                .isGreaterThan(handedOver.sampling().run().samples());
    }

    private Run stopWatch(String... more) {
        return Run.on(
                recording.host(),
                CommandLines.concat(
                        List.of(
                                "stop-watch",
                                "--application",
                                "shop",
                                "--environment",
                                "staging",
                                "--state-dir",
                                state().toString(),
                                "--by",
                                "alice"),
                        more));
    }

    @Test
    void shouldEndAWatchTheServerRunsWhenAnotherCommandStopsIt() throws Exception {
        assertThat(deploy().exitCode()).isZero();
        try (Engine engine = engine();
                Server server = serve(engine)) {
            Eventually.until(
                    "the server runs the watch",
                    Duration.ofSeconds(20),
                    () -> !server.running().isEmpty());

            Run stop = stopWatch("--reason", "known noisy dependency");

            assertThat(stop.exitCode()).as(stop.out() + stop.err()).isZero();
            assertThat(stop.out())
                    .contains("genesis stop-watch: watch w-")
                    .contains("is run by " + engine.owner().name() + "; the stop is stored");
            Eventually.until(
                    "the server ended the watch",
                    Duration.ofSeconds(20),
                    () -> watches().get(0).ended());
            Eventually.until(
                    "the server forgot it",
                    Duration.ofSeconds(5),
                    () -> server.running().isEmpty());
            assertThat(watches().get(0).owner()).isEqualTo(engine.owner().name());
        }
        WatchState stopped = watches().get(0);
        assertThat(stopped.outcome().verdict()).isEqualTo(WatchVerdict.STOPPED);
        assertThat(stopped.outcome().reason()).isEqualTo("stopped by alice (account tester): known noisy dependency");
        assertThat(recording.target.stable()).isEqualTo("1.3.0");
    }

    @Test
    void shouldStopAWatchNobodyRunsAtOnceAndRefuseWhenNoneRuns() throws IOException {
        assertThat(deploy().exitCode()).isZero();

        Run otherVersion = stopWatch("--version", "9.9.9", "--reason", "why");
        Run stop = stopWatch("--version", "1.3.0", "--reason", "rolled forward by hand");
        Run again = stopWatch("--reason", "again");
        Run blank = stopWatch("--reason", " ");

        assertThat(otherVersion.exitCode()).isEqualTo(2);
        assertThat(otherVersion.err())
                .contains("genesis stop-watch: no running watch of shop in staging version 9.9.9 in " + state());
        assertThat(stop.exitCode()).as(stop.out() + stop.err()).isZero();
        assertThat(stop.out())
                .contains("version 1.3.0 STOPPED: stopped by alice (account tester): rolled forward by hand");
        assertThat(watches().get(0).outcome().verdict()).isEqualTo(WatchVerdict.STOPPED);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("no running watch of shop in staging in");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("--reason must say why");
    }

    @Test
    void shouldSupersedeTheWatchWhenANewerDeployStartsNoWatchOfItsOwn() throws IOException {
        assertThat(deploy().exitCode()).isZero();
        Path unwatched = Files.writeString(dir.resolve("unwatched.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                """);

        Run newer = Run.on(
                recording.host(),
                CommandLines.deploy(
                        state(),
                        "shop",
                        "--environment",
                        "staging",
                        "--target",
                        RecordingKind.NAME,
                        "--version",
                        "1.4.0",
                        "--steps",
                        KEEP_PREVIOUS,
                        "--policy",
                        unwatched.toString()));

        assertThat(newer.exitCode()).as(newer.out() + newer.err()).isZero();
        assertThat(newer.out())
                .contains("superseded the watch(es) of the version before: "
                        + watches().get(0).id());
        WatchState superseded = watches().get(0);
        assertThat(superseded.outcome().verdict()).isEqualTo(WatchVerdict.SUPERSEDED);
        assertThat(superseded.outcome().reason())
                .startsWith("superseded by rollout ")
                .endsWith(" (version 1.4.0), which started no watch of its own");
        assertThat(superseded.outcome().reason())
                .contains(CommandLines.records(state()).stream()
                        .filter(record -> "1.4.0".equals(String.valueOf(record.version())))
                        .findFirst()
                        .orElseThrow()
                        .id());
    }

    @Test
    void shouldRunTheWatchInTheForegroundWithWatch() throws IOException {
        recording.metrics.script(window -> BREACH);

        Run run = deploy("--watch");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("genesis deploy: shop 1.3.0 to staging SUCCEEDED")
                .contains("watching w-")
                .contains("ROLLED_BACK: automatic rollback: error rate 7.50 %");
        assertThat(recording.target.stable()).isEqualTo("1.0.0");
    }

    @Test
    void shouldRegisterNothingForASandboxWithoutWatch() throws IOException {
        recording.inProcess = true;

        Run run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("no watch registered: the recording ends with this process")
                .contains("pass --watch to watch it here, in the foreground, for 1 h (staging's watchHours)");
        assertThat(watches()).isEmpty();
    }

    @Test
    void shouldRegisterNothingWhereTheEnvironmentHasNoWatchWindow() {
        Run run = recording.deployToStaging(state(), "shop", "1.3.0", KEEP_PREVIOUS);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("watch");
        assertThat(watches()).isEmpty();
    }

    @Test
    void shouldRefuseAPollIntervalThatIsNotPositive() {
        Run run = Run.on(recording.host(), "serve", "--state-dir", state().toString(), "--poll-interval", "0s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("genesis serve: --poll-interval must be longer than 0 s");
    }
}
