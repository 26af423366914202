package io.genesis.sandbox.slot;

import java.net.URI;

/**
 * One running version of the application, listening on its own loopback port. A slot is returned only
 * once it is ready (its health endpoint answered 200); {@link #stop()} ends it for good.
 */
public interface Slot extends AutoCloseable {

    /** The name the sandbox gave this slot. */
    SlotId id();

    /** The application version it runs, such as {@code 2.0.0}. */
    String version();

    /** In this JVM or in a child process. */
    SlotKind kind();

    /** Where the slot answers directly, bypassing the proxy: {@code http://127.0.0.1:<port>}. */
    URI baseUri();

    /** False once stopped, or when its process has exited on its own. */
    boolean isRunning();

    /** Stops the application; calling it again does nothing. */
    void stop();

    /** Same as {@link #stop()}, so slots work in try-with-resources. */
    @Override
    default void close() {
        stop();
    }
}
