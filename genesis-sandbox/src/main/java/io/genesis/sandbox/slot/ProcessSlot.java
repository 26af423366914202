package io.genesis.sandbox.slot;

import io.genesis.sandbox.net.Loopback;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A slot whose application runs as a child process started by {@link ProcessSlotLauncher}. */
public final class ProcessSlot implements Slot {

    private final SlotId id;
    private final String version;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final Duration stopGrace;
    private final Thread shutdownHook;
    private boolean stopped;

    ProcessSlot(SlotId id, String version, int port, Process process, Path logFile, Duration stopGrace) {
        this.id = id;
        this.version = version;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.stopGrace = stopGrace;
        // If this JVM ends without stopping the sandbox (Ctrl-C in the demo), children must not linger.
        this.shutdownHook = new Thread(() -> terminate(process, Duration.ZERO), "genesis-slot-reaper-" + id);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public SlotId id() {
        return id;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public SlotKind kind() {
        return SlotKind.CHILD_PROCESS;
    }

    @Override
    public URI baseUri() {
        return Loopback.httpUri(port);
    }

    /** The operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** Where the child's standard output and error go. */
    public Path logFile() {
        return logFile;
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Asks the process (and anything it started) to end, waits up to the stop grace period, then kills it;
     * returns once it is gone.
     */
    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook itself is ending the process.
        }
        terminate(process, stopGrace);
    }

    /** Polite end first, forced end after {@code grace}; descendants get the same treatment. */
    static void terminate(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!waitFor(process, grace)) {
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            waitFor(process, Duration.ofSeconds(5));
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    @Override
    public String toString() {
        return id + " (" + version + ", pid " + process.pid() + ", " + baseUri() + ")";
    }
}
