package io.genesis.core.monitor.tests;

import io.genesis.core.hook.GroupedProcess;
import io.genesis.core.hook.HookReports;
import io.genesis.core.time.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The smoke-test command a {@code tests} source runs itself. A sample never waits for it: it starts a
 * run when one is due and returns; a later sample finds the run ended and reads the reports it wrote
 * or rewrote (those that matched before it started, unchanged, do not count, as for hooks). A run
 * past its timeout is stopped with everything it started. Times are the samples' (the watch's clock),
 * so no wall clock decides anything here.
 */
final class SmokeRuns {

    private final TestReportSettings settings;
    private final String command;
    private Run running;
    private Instant lastStart;
    private Result last;

    SmokeRuns(TestReportSettings settings) {
        this.settings = settings;
        this.command = settings.command().orElseThrow();
    }

    /** One run under way. */
    private record Run(GroupedProcess process, HookReports reports, Instant started, Path output) {}

    /** A completed run's pass rate (empty when it showed nothing), or why it showed nothing. */
    private record Result(Instant at, OptionalDouble passRate, String why) {}

    /**
     * The pass rate at {@code now}: the run that just ended, else the last completed one if it is
     * recent enough; empty if a run is under way and no recent reading exists.
     *
     * @param read reads the newest of the reports a run wrote: its pass rate, or empty when it shows no test
     * @throws IllegalStateException a run that was stopped at its timeout, or that wrote no usable
     *     report, with the reason: the sample is inconclusive, never a pass
     */
    synchronized OptionalDouble sample(Instant now, Duration interval, Function<List<Path>, OptionalDouble> read) {
        Optional<Result> ended = finish(now, read);
        if (running == null && due(now, interval)) {
            start(now);
        }
        Result result = ended.orElse(last);
        if (result == null || (ended.isEmpty() && stale(result, now, interval))) {
            return OptionalDouble.empty();
        }
        if (result.passRate().isEmpty()) {
            throw new IllegalStateException(result.why());
        }
        return result.passRate();
    }

    private Optional<Result> finish(Instant now, Function<List<Path>, OptionalDouble> read) {
        if (running == null) {
            return Optional.empty();
        }
        Run run = running;
        Result result;
        if (run.process().process().isAlive()) {
            if (Duration.between(run.started(), now).compareTo(settings.timeout()) <= 0) {
                return Optional.empty();
            }
            run.process().stop();
            result = new Result(
                    now,
                    OptionalDouble.empty(),
                    "tests: the command ran past its timeout (" + Durations.format(settings.timeout())
                            + ") and was stopped; fix: make it faster or raise 'timeout'");
        } else {
            result = judge(now, run, read);
        }
        running = null;
        deleteQuietly(run.output());
        last = result;
        return Optional.of(result);
    }

    /** A command that exits non-zero but wrote a report is judged by the report: the failures are in it. */
    private Result judge(Instant now, Run run, Function<List<Path>, OptionalDouble> read) {
        int exit = run.process().process().exitValue();
        List<Path> written = run.reports().written();
        if (written.isEmpty()) {
            return new Result(
                    now,
                    OptionalDouble.empty(),
                    "tests: the command ended (exit code " + exit + ") without writing a report matching '"
                            + settings.reports().pattern() + "'; fix: make it write JUnit XML there");
        }
        OptionalDouble rate = read.apply(written);
        return new Result(
                now,
                rate,
                "tests: the command's report (exit code " + exit + ") shows no executed test, so nothing passed");
    }

    private boolean due(Instant now, Duration interval) {
        return lastStart == null
                || !now.isBefore(lastStart.plus(settings.every().orElse(interval)));
    }

    /** A reading older than one interval and one timeout belongs to a run before the one that is late. */
    private boolean stale(Result result, Instant now, Duration interval) {
        Duration age = Duration.between(result.at(), now);
        return age.compareTo(settings.every().orElse(interval).plus(settings.timeout())) > 0;
    }

    private void start(Instant now) {
        Path output;
        HookReports reports =
                HookReports.before(settings.directory(), settings.reports().pattern());
        try {
            output = Files.createTempFile("genesis-smoke-", ".log");
            ProcessBuilder builder = new ProcessBuilder(GroupedProcess.shell(command))
                    .directory(settings.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            GroupedProcess process = GroupedProcess.start(builder);
            // A backstop in real time for a watch that ends while a run is under way, when no later
            // sample comes to stop it: twice the timeout, so it never decides a run the samples judge.
            CompletableFuture.delayedExecutor(settings.timeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> {
                        if (process.process().isAlive()) {
                            process.stop();
                        }
                    });
            running = new Run(process, reports, now, output);
        } catch (IOException e) {
            throw new IllegalStateException("tests: the command could not be started: " + e.getMessage(), e);
        }
        lastStart = now;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary log left behind is harmless; the next run writes its own.
        }
    }

    /**
     * Waits at most {@code bound} (real time) for the run under way to end; for tests, which must see
     * a real process's end without sleeping for a window.
     */
    boolean awaitEnd(Duration bound) throws InterruptedException {
        Run run;
        synchronized (this) {
            run = running;
        }
        return run == null || run.process().process().waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The process of the run under way, if any; for tests. */
    synchronized Optional<Process> current() {
        return running == null
                ? Optional.empty()
                : Optional.of(running.process().process());
    }

    /** Stops a run under way, for a source that is closed or in a test. */
    synchronized void stop() {
        if (running != null) {
            running.process().stop();
        }
    }
}
