package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.DeploymentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A step's sink as a test sees it: the lines a build's console would show, the record its page
 * would show, and how the step ended. Stands in for the {@code StepContext} that only a running
 * Jenkins can make.
 */
final class RecordingSink implements StepSink {

    final List<String> console = new CopyOnWriteArrayList<>();
    final List<DeploymentRecord> records = new CopyOnWriteArrayList<>();
    final List<String> endings = new CopyOnWriteArrayList<>();
    volatile Map<String, Object> value;
    volatile String failure;
    volatile String abort;

    @Override
    public void say(String line) {
        console.add(line);
    }

    @Override
    public void recorded(DeploymentRecord record) {
        records.add(record);
    }

    @Override
    public void succeeded(Map<String, Object> result) {
        value = result;
        endings.add("succeeded");
    }

    @Override
    public void failed(String reason) {
        failure = reason;
        endings.add("failed");
    }

    @Override
    public void aborted(String reason) {
        abort = reason;
        endings.add("aborted");
    }

    boolean ended() {
        return !endings.isEmpty();
    }

    boolean said(String text) {
        return console.stream().anyMatch(line -> line.contains(text));
    }

    /** Waits for {@code condition} on the engine's own thread, for at most {@code limit}; never for a window. */
    static void await(BooleanSupplier condition, Duration limit, String what) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
