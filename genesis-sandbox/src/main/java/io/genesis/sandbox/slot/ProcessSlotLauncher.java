package io.genesis.sandbox.slot;

import io.genesis.sandbox.net.Loopback;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts each version as a child process from a {@link CommandTemplate}: picks a free loopback port, runs
 * the command with its output sent to a log file, and polls {@code GET /health} until it answers 200. A
 * process that exits early, or is not ready within the start timeout, is stopped and reported.
 */
public final class ProcessSlotLauncher implements SlotLauncher {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final CommandTemplate template;
    private final Duration startTimeout;
    private final Duration stopGrace;
    private final Path logDirectory;
    private final HealthProbe probe = new HealthProbe(PROBE_TIMEOUT);

    private ProcessSlotLauncher(CommandTemplate template, Duration startTimeout, Duration stopGrace, Path logDir) {
        this.template = Objects.requireNonNull(template, "template");
        this.startTimeout = positive("startTimeout", startTimeout);
        this.stopGrace = positive("stopGrace", stopGrace);
        this.logDirectory = Objects.requireNonNull(logDir, "logDirectory");
    }

    /** A launcher for {@code template}: 30 s to become ready, 5 s to stop politely, logs in the temp folder. */
    public static ProcessSlotLauncher of(CommandTemplate template) {
        return new ProcessSlotLauncher(
                template,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Path.of(System.getProperty("java.io.tmpdir"), "genesis-sandbox"));
    }

    /** This launcher, giving each process {@code timeout} to become ready. */
    public ProcessSlotLauncher withStartTimeout(Duration timeout) {
        return new ProcessSlotLauncher(template, timeout, stopGrace, logDirectory);
    }

    /** This launcher, waiting {@code grace} for a polite stop before killing. */
    public ProcessSlotLauncher withStopGrace(Duration grace) {
        return new ProcessSlotLauncher(template, startTimeout, grace, logDirectory);
    }

    /** This launcher, writing each process's output to a file in {@code directory}. */
    public ProcessSlotLauncher withLogDirectory(Path directory) {
        return new ProcessSlotLauncher(template, startTimeout, stopGrace, directory);
    }

    @Override
    public ProcessSlot launch(SlotId id, String version) {
        Versions.require(version);
        int port = Loopback.freePort();
        List<String> command = template.render(port, version);
        Path logFile = logDirectory.resolve(id + "-" + version + "-" + port + ".log");
        Process process = startProcess(command, logFile, id);
        ProcessSlot slot = new ProcessSlot(id, version, port, process, logFile, stopGrace);
        try {
            awaitReady(slot, process, Loopback.httpUri(port), logFile);
            return slot;
        } catch (RuntimeException e) {
            slot.stop();
            throw e;
        }
    }

    private Process startProcess(List<String> command, Path logFile, SlotId id) {
        try {
            Files.createDirectories(logDirectory);
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
        } catch (IOException e) {
            throw new SlotStartException(
                    "could not start " + id + " with program '" + command.get(0)
                            + "': check that the command template names an existing program",
                    e);
        }
    }

    private void awaitReady(ProcessSlot slot, Process process, URI base, Path logFile) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        HealthCheck last = HealthCheck.unreachable("not probed yet");
        while (true) {
            if (!process.isAlive()) {
                throw new SlotStartException(slot.id() + " (" + slot.version() + ") exited with code "
                        + process.exitValue() + " before it became ready; see " + logFile);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new SlotStartException(slot.id() + " (" + slot.version() + ") was not ready within "
                        + startTimeout.toMillis() + " ms (last probe: " + last.detail() + "); it was stopped. See "
                        + logFile);
            }
            last = probe.check(base, Duration.ofNanos(remaining));
            if (last.healthy()) {
                return;
            }
            LockSupport.parkNanos(Math.min(POLL_INTERVAL.toNanos(), Math.max(0, deadline - System.nanoTime())));
            if (Thread.currentThread().isInterrupted()) {
                throw new SlotStartException("interrupted while waiting for " + slot.id() + " to become ready");
            }
        }
    }

    private static Duration positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, got " + value);
        }
        return value;
    }
}
