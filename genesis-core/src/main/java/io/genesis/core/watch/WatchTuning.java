package io.genesis.core.watch;

import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.InconclusiveAction;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.Environment;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What one call to watch a version may change, as a person writes it, and the environment's rules
 * for it: a front door (the Jenkins step {@code genesisMonitor}, or a command) maps its parameters
 * here, so each accepts and refuses the same values with the same words.
 *
 * <p>The rules: the window is the environment's {@code watchHours} unless the call asks for a
 * longer one, never a shorter one (as a checkout's {@code genesis.yaml} may only lengthen it); the
 * metric source of a protected environment's configuration cannot be replaced by the call; every
 * other threshold is the deploying rollout's.
 *
 * <p>Every field may be {@code null} (or blank): not given.
 *
 * @param window how long to watch, such as {@code 72h}
 * @param sampleInterval how often to sample, such as {@code 1m}
 * @param onInconclusive pause, fail or roll-back when a sample has no data
 */
public record WatchTuning(String window, String sampleInterval, String onInconclusive) {

    public WatchTuning {
        window = blankToNull(window);
        sampleInterval = blankToNull(sampleInterval);
        onInconclusive = blankToNull(onInconclusive);
    }

    /** Nothing asked for: the environment's window and the rollout's thresholds. */
    public static WatchTuning defaults() {
        return new WatchTuning(null, null, null);
    }

    /** Whether the call asks for nothing of its own. */
    public boolean isDefault() {
        return window == null && sampleInterval == null && onInconclusive == null;
    }

    /**
     * The window to watch in {@code environment}: its own, or a longer one the call asks for.
     *
     * @param naming how a field is named in a message, such as {@code RolloutTuning.SCRIPT}
     * @throws IllegalArgumentException naming the field, the value, the environment's window and the fix
     */
    public Duration window(Environment environment, UnaryOperator<String> naming) {
        Duration own = environment.watchWindow();
        if (window == null) {
            if (own.isZero()) {
                throw new IllegalArgumentException(environment.name()
                        + " has no post-deploy watch (watchHours is 0); fix: give " + naming.apply("window")
                        + " such as '2h', or set watchHours for " + environment.name());
            }
            return own;
        }
        Duration asked = Durations.parse(naming.apply("window"), window);
        if (asked.isZero() || asked.isNegative()) {
            throw new IllegalArgumentException(
                    naming.apply("window") + " must be positive, got '" + window + "'; fix: give one such as '48h'");
        }
        if (asked.compareTo(own) < 0) {
            throw new IllegalArgumentException(naming.apply("window") + " '" + window + "' would shorten "
                    + environment.name() + "'s post-deploy watch of " + Durations.format(own)
                    + ", and a call may only lengthen it; fix: leave " + naming.apply("window")
                    + " out, or give " + Durations.format(own) + " or more");
        }
        return Environment.requireWatchWindow(asked);
    }

    /**
     * The deploying rollout's thresholds with what the call tunes.
     *
     * @throws IllegalArgumentException naming the field and the value
     */
    public AnalysisThresholds thresholds(AnalysisThresholds rollout, UnaryOperator<String> naming) {
        AnalysisThresholds thresholds = rollout;
        if (sampleInterval != null) {
            thresholds = thresholds.withSampleInterval(Durations.parse(naming.apply("sampleInterval"), sampleInterval));
        }
        if (onInconclusive != null) {
            try {
                thresholds = thresholds.withOnInconclusive(InconclusiveAction.named(onInconclusive));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(naming.apply("onInconclusive") + ": " + e.getMessage(), e);
            }
        }
        return thresholds;
    }

    /**
     * The thresholds a watch of this call uses: the environment's {@code watchThresholds} where its policy
     * sets them, else the deploying rollout's, with what the call tunes. Under an environment's thresholds a
     * call may sample more often than they say, never less often.
     *
     * @param environment the environment's watch thresholds, if its policy sets them
     * @throws IllegalArgumentException naming the field and the value
     */
    public AnalysisThresholds thresholds(
            AnalysisThresholds rollout, Optional<WatchThresholds> environment, UnaryOperator<String> naming) {
        if (environment.isEmpty()) {
            return thresholds(rollout, naming);
        }
        AnalysisThresholds set = environment.get().thresholds();
        AnalysisThresholds tuned = thresholds(set, naming);
        if (tuned.sampleInterval().compareTo(set.sampleInterval()) > 0) {
            throw new IllegalArgumentException(naming.apply("sampleInterval") + " " + sampleInterval
                    + " samples less often than the environment's watchThresholds allow (every "
                    + Durations.format(set.sampleInterval()) + "); fix: sample at least that often, or leave "
                    + naming.apply("sampleInterval") + " out");
        }
        return tuned;
    }

    /**
     * Where the watch's samples come from: the call's source, else the environment's configured one,
     * else the deploying rollout's. A protected environment's configured source is the only one its
     * watches use: a call cannot point them elsewhere.
     *
     * @param asked the source the call names, if any
     * @param configured the source the environment's trusted configuration names, if any
     * @param rollout the source the deploying rollout analysed with, if any
     * @throws IllegalArgumentException when there is none, or the call would replace a protected one
     */
    public static MetricSpec source(
            Environment environment,
            Optional<MetricSpec> asked,
            Optional<MetricSpec> configured,
            Optional<MetricSpec> rollout) {
        if (asked.isPresent() && configured.isPresent() && environment.protectedEnvironment()) {
            throw new IllegalArgumentException(environment.name()
                    + " is protected and its metric source comes from its configuration, which a call may not"
                    + " replace; fix: leave the call's metric source out");
        }
        return asked.or(() -> configured)
                .or(() -> rollout)
                .orElseThrow(() -> new IllegalArgumentException("nothing to sample: the call names no metric"
                        + " source, " + environment.name() + " configures none, and the rollout that deployed"
                        + " the version analysed with none; fix: give the call a metric source (such as an"
                        + " HTTP probe address) or configure one for " + environment.name()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
