package io.genesis.core.rollout;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Counts the operations the engine performs on its ports and crashes at the chosen one, either
 * before it takes effect or right after (effect done, engine never learns).
 */
final class CrashInjector {

    /** Whether the crash comes before or after the chosen operation takes effect. */
    enum When {
        BEFORE,
        AFTER
    }

    private final int crashAt;
    private final String crashOn;
    private final When when;
    private int count;
    private boolean armed;
    private String crashedAt;

    private CrashInjector(int crashAt, String crashOn, When when, boolean armed) {
        this.crashAt = crashAt;
        this.crashOn = crashOn;
        this.when = when;
        this.armed = armed;
    }

    static CrashInjector at(int operation, When when) {
        return new CrashInjector(operation, null, when, true);
    }

    /** Crashes at the first operation whose name starts with {@code operation}. */
    static CrashInjector onFirst(String operation, When when) {
        return new CrashInjector(-1, operation, when, true);
    }

    static CrashInjector never() {
        return new CrashInjector(-1, null, When.BEFORE, false);
    }

    synchronized <T> T around(String operation, Supplier<T> action) {
        int index = count++;
        boolean crashHere = armed && (crashOn == null ? index == crashAt : operation.startsWith(crashOn));
        if (crashHere && when == When.BEFORE) {
            return crash("before " + operation + " (operation " + index + ")");
        }
        T result = action.get();
        if (crashHere) {
            return crash("after " + operation + " (operation " + index + ")");
        }
        return result;
    }

    void run(String operation, Runnable action) {
        around(operation, () -> {
            action.run();
            return null;
        });
    }

    private <T> T crash(String where) {
        armed = false;
        crashedAt = where;
        throw new SimulatedCrash(where);
    }

    synchronized int count() {
        return count;
    }

    synchronized void disarm() {
        armed = false;
    }

    synchronized Optional<String> crashedAt() {
        return Optional.ofNullable(crashedAt);
    }
}
