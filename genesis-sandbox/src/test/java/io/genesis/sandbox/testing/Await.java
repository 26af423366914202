package io.genesis.sandbox.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; for state that offers no latch. */
public final class Await {

    private Await() {}

    /** Returns once {@code condition} holds; fails with {@code description} after {@code timeout}. */
    public static void until(String description, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + description);
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }
}
