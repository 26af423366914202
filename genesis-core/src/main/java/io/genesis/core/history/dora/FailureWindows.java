package io.genesis.core.history.dora;

import io.genesis.core.policy.Environment;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How long after its promotion a rollback still counts as the failure of a change, per environment:
 * the environment's watch window. An environment without a watch has no bound, since a rollout can
 * only be rolled back while it is the newest of its application and environment: whoever rolls it
 * back answers for that change.
 */
public final class FailureWindows {

    private final Function<String, Duration> watchWindow;

    private FailureWindows(Function<String, Duration> watchWindow) {
        this.watchWindow = watchWindow;
    }

    /** Each environment's watch window when the configuration does not say (48 h for production). */
    public static FailureWindows defaults() {
        return new FailureWindows(Environment::defaultWatchWindow);
    }

    /** The watch windows configured, and the default for any environment not named. */
    public static FailureWindows of(Map<String, Duration> watchWindows) {
        Map<String, Duration> copy = Map.copyOf(watchWindows);
        return new FailureWindows(name -> copy.getOrDefault(name, Environment.defaultWatchWindow(name)));
    }

    /** The window of {@code environment}, or empty when it has no bound. */
    public Optional<Duration> of(String environment) {
        Duration window = watchWindow.apply(environment);
        return window == null || window.isZero() ? Optional.empty() : Optional.of(window);
    }
}
