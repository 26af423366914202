package io.genesis.cli;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A kind of deployment target the command line can drive, named by {@code --target}: it turns the
 * user's options into the target spec stored with a rollout, and opens targets and metric sources
 * from stored specs, for rollouts of this process and, where it can, of earlier ones.
 */
interface TargetKind extends AutoCloseable {

    /** The name {@code --target} takes, such as {@code sandbox}. */
    String name();

    /** One line for help and error messages. */
    String summary();

    /**
     * Whether what this kind deploys lives inside the genesis process that deployed it and ends with
     * it (the sandbox), so that no other process can change it.
     */
    boolean livesInProcess();

    /**
     * Checks {@code --target-option KEY=VALUE} settings before anything starts.
     *
     * @throws IllegalArgumentException for an unknown or malformed option, naming the known ones
     */
    void check(Map<String, String> options);

    /**
     * The target for a new rollout of {@code candidate} to {@code key}, from {@code --target-option}
     * settings; may start what the target needs in this process, and says so through {@code log}.
     *
     * @throws IllegalArgumentException for an unknown or malformed option, naming the known ones
     */
    TargetSpec newTarget(DeploymentKey key, Version candidate, Map<String, String> options, Consumer<String> log);

    /** Where measurements of {@code key}'s candidates on {@code target} come from, if this kind measures. */
    Optional<MetricSpec> metricsFor(DeploymentKey key, TargetSpec target);

    /** The target a stored rollout names. */
    DeploymentTarget open(DeploymentKey key, TargetSpec spec);

    /** The metric source a stored rollout names. */
    MetricSource openMetrics(MetricSpec spec);

    /** Stops what this kind started in this process. */
    @Override
    void close();
}
