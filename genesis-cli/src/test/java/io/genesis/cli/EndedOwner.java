package io.genesis.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The name of a genesis engine whose process has ended on this machine: what kill -9 leaves in a stored rollout. */
final class EndedOwner {

    private static long pid;

    private EndedOwner() {}

    /** The id of a process that has ended. */
    static synchronized long pid() {
        if (pid == 0) {
            try {
                Process process = new ProcessBuilder("true").start();
                process.waitFor();
                pid = process.pid();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return pid;
    }

    /** An engine name of this machine whose process is {@link #pid()}. */
    static String name() {
        return EngineOwner.ofThisProcess().name().replaceFirst("#\\d+\\.", "#" + pid() + ".");
    }
}
