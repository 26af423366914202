package io.genesis.sandbox.slot;

import io.genesis.core.secret.PrivateFiles;
import io.genesis.sandbox.net.Loopback;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts each version as a child process from a {@link CommandTemplate}: picks a free loopback port, runs
 * the command with its output sent to a log file, and polls {@code GET /health} until it answers 200. A
 * process that exits early, or is not ready within the start timeout, is stopped and reported.
 *
 * <p>A child gets what it needs and nothing more: an allow-listed environment ({@link #INHERITED} plus
 * what {@link #withEnvironment} names — never the tokens of the process that starts it), and its output
 * goes to a {@code 0600} file in a private directory, never to a shared temporary folder where another
 * user could read it or plant a link in its place.
 */
public final class ProcessSlotLauncher implements SlotLauncher {

    /** The variables a child inherits from this process: where programs, Java and the locale are. */
    public static final Set<String> INHERITED = Set.of(
            "PATH",
            "HOME",
            "JAVA_HOME",
            "LANG",
            "LANGUAGE",
            "LC_ALL",
            "LC_CTYPE",
            "LC_MESSAGES",
            "TZ",
            "TMPDIR",
            "USER",
            "LOGNAME",
            "SystemRoot",
            "TEMP",
            "TMP");

    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final CommandTemplate template;
    private final Duration startTimeout;
    private final Duration stopGrace;
    /** Where logs go: a directory given, or empty for a private temporary one made on first launch. */
    private final Optional<Path> logDirectory;

    private final Map<String, String> environment;
    private final HealthProbe probe = new HealthProbe(PROBE_TIMEOUT);
    private Path privateLogs;

    private ProcessSlotLauncher(
            CommandTemplate template,
            Duration startTimeout,
            Duration stopGrace,
            Optional<Path> logDir,
            Map<String, String> environment) {
        this.template = Objects.requireNonNull(template, "template");
        this.startTimeout = positive("startTimeout", startTimeout);
        this.stopGrace = positive("stopGrace", stopGrace);
        this.logDirectory = Objects.requireNonNull(logDir, "logDirectory");
        this.environment = Map.copyOf(environment);
    }

    /**
     * A launcher for {@code template}: 30 s to become ready, 5 s to stop politely, logs in a private
     * temporary directory of its own.
     */
    public static ProcessSlotLauncher of(CommandTemplate template) {
        return new ProcessSlotLauncher(
                template, Duration.ofSeconds(30), Duration.ofSeconds(5), Optional.empty(), Map.of());
    }

    /** This launcher, giving each process {@code timeout} to become ready. */
    public ProcessSlotLauncher withStartTimeout(Duration timeout) {
        return new ProcessSlotLauncher(template, timeout, stopGrace, logDirectory, environment);
    }

    /** This launcher, waiting {@code grace} for a polite stop before killing. */
    public ProcessSlotLauncher withStopGrace(Duration grace) {
        return new ProcessSlotLauncher(template, startTimeout, grace, logDirectory, environment);
    }

    /**
     * This launcher, writing each process's output to a file in {@code directory}, which is made
     * private (0700) and must not be a link or another user's.
     */
    public ProcessSlotLauncher withLogDirectory(Path directory) {
        return new ProcessSlotLauncher(
                template,
                startTimeout,
                stopGrace,
                Optional.of(Objects.requireNonNull(directory, "directory")),
                environment);
    }

    /** This launcher, giving every child {@code variables} on top of the {@link #INHERITED} ones. */
    public ProcessSlotLauncher withEnvironment(Map<String, String> variables) {
        Map<String, String> all = new TreeMap<>(environment);
        all.putAll(variables);
        return new ProcessSlotLauncher(template, startTimeout, stopGrace, logDirectory, all);
    }

    @Override
    public ProcessSlot launch(SlotId id, String version) {
        Versions.require(version);
        int port = Loopback.freePort();
        List<String> command = template.render(port, version);
        Path logFile = logDirectory(id).resolve(id + "-" + version + "-" + port + ".log");
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

    private synchronized Path logDirectory(SlotId id) {
        try {
            if (logDirectory.isPresent()) {
                return PrivateFiles.directory(logDirectory.get());
            }
            if (privateLogs == null) {
                privateLogs = PrivateFiles.directory(Files.createTempDirectory("genesis-sandbox-"));
            }
            return privateLogs;
        } catch (IOException e) {
            throw new SlotStartException("could not prepare the log directory of " + id + ": " + e.getMessage(), e);
        }
    }

    private Process startProcess(List<String> command, Path logFile, SlotId id) {
        try {
            PrivateFiles.refuseLink(logFile);
            Files.deleteIfExists(logFile);
            // Made private first; the child appends to it, in a directory no one else can enter.
            PrivateFiles.createNew(logFile).close();
        } catch (IOException e) {
            throw new SlotStartException("could not create the log file of " + id + ": " + e.getMessage(), e);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Map<String, String> childEnvironment = builder.environment();
            childEnvironment.keySet().retainAll(INHERITED);
            childEnvironment.putAll(environment);
            return builder.start();
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
