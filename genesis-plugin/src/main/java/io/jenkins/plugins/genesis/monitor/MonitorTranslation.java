package io.jenkins.plugins.genesis.monitor;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.probe.HttpProbeSettings;
import io.genesis.core.policy.Environment;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.time.Durations;
import io.genesis.core.watch.WatchRequest;
import io.genesis.core.watch.WatchThresholds;
import io.genesis.core.watch.WatchTuning;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one place where {@code genesisMonitor}'s parameters, and a rollout that succeeded, become the
 * engine's watch request. The rules are core's {@link WatchTuning}: the window only longer than the
 * environment's, the deploying rollout's thresholds, a protected environment's configured source
 * kept.
 */
final class MonitorTranslation {

    /** Fields named as a Pipeline script writes them; the window is the step's {@code watch:}. */
    static final UnaryOperator<String> SCRIPT = field -> field.equals("window") ? "watch" : field;

    private MonitorTranslation() {}

    /** The tuning the step asks for. */
    static WatchTuning tuning(GenesisMonitorStep step) {
        return new WatchTuning(step.getWatch(), step.getSampleInterval(), step.getOnInconclusive());
    }

    /** Whether the step asks nothing of its own, so it may join a watch of the same rollout already running. */
    static boolean asksNothing(GenesisMonitorStep step) {
        return tuning(step).isDefault() && step.getProbeUrl().isEmpty();
    }

    /**
     * The watch {@code step} asks for of the version {@code rollout} deployed.
     *
     * @throws IllegalArgumentException naming the parameter, the bad value and the fix
     */
    static WatchRequest request(
            GenesisMonitorStep step,
            Environment environment,
            RolloutState rollout,
            Optional<MetricSpec> configured,
            Optional<WatchThresholds> thresholds,
            String initiator) {
        WatchTuning tuning = tuning(step);
        RolloutRequest deployed = rollout.request();
        Optional<MetricSpec> asked = step.getProbeUrl().isEmpty()
                ? Optional.empty()
                : Optional.of(HttpProbeSettings.of(step.getProbeUrl()).spec());
        return withRecovery(
                WatchRequest.of(
                        deployed.key(),
                        deployed.version(),
                        rollout.id().value(),
                        WatchTuning.source(environment, asked, configured, Optional.ofNullable(deployed.metrics())),
                        tuning.thresholds(deployed.analysis(), thresholds, SCRIPT),
                        tuning.window(environment, SCRIPT),
                        initiator),
                thresholds);
    }

    private static WatchRequest withRecovery(WatchRequest request, Optional<WatchThresholds> thresholds) {
        return thresholds
                .map(set -> request.withRecoverySamples(set.recoverySamples()))
                .orElse(request);
    }

    /**
     * The watch the controller starts by itself after {@code rollout} succeeded: the environment's
     * window, the rollout's thresholds and source (or the environment's configured one).
     *
     * @throws IllegalArgumentException when there is nothing to sample
     */
    static WatchRequest afterRollout(
            RolloutState rollout,
            Environment environment,
            Optional<MetricSpec> configured,
            Optional<WatchThresholds> thresholds) {
        RolloutRequest deployed = rollout.request();
        return withRecovery(
                WatchRequest.of(
                        deployed.key(),
                        deployed.version(),
                        rollout.id().value(),
                        WatchTuning.source(
                                environment, Optional.empty(), configured, Optional.ofNullable(deployed.metrics())),
                        thresholds.map(WatchThresholds::thresholds).orElse(deployed.analysis()),
                        environment.watchWindow(),
                        "jenkins, after rollout " + rollout.id()),
                thresholds);
    }

    /**
     * How long the step waits with {@code for:}, if given.
     *
     * @throws IllegalArgumentException when it does not read as a positive duration
     */
    static Optional<Duration> waitFor(GenesisMonitorStep step) {
        if (step.getFor().isEmpty()) {
            return Optional.empty();
        }
        Duration wait = Durations.parse("for", step.getFor());
        if (wait.isZero() || wait.isNegative()) {
            throw new IllegalArgumentException(
                    "for must be positive, got '" + step.getFor() + "'; fix: give one such as '30m', or leave it out");
        }
        return Optional.of(wait);
    }
}
