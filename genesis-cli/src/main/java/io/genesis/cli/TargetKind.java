package io.genesis.cli;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.Retention;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** The settings this kind takes, for messages and for checking a configuration file's target block. */
    Set<String> settingNames();

    /**
     * Checks a new rollout's settings ({@code --target-option KEY=VALUE}, dedicated options and the
     * environment's target in {@code genesis.yaml}) before anything starts.
     *
     * @throws IllegalArgumentException for an unknown or malformed setting, naming the known ones
     */
    void check(DeploymentKey key, Map<String, String> settings);

    /**
     * The settings with the strategy the user chose, where this kind needs to know it (Kubernetes
     * lays a blue-green rollout out differently from a rolling one); most kinds need not.
     *
     * @throws IllegalArgumentException when the settings name another strategy
     */
    default Map<String, String> withStrategy(String strategy, Map<String, String> settings) {
        return settings;
    }

    /**
     * The target for a new rollout of {@code candidate} to {@code key}, from its settings; may start
     * what the target needs in this process, and says so through {@code log}.
     *
     * @throws IllegalArgumentException for an unknown or malformed setting, naming the known ones
     */
    TargetSpec newTarget(DeploymentKey key, Version candidate, Map<String, String> settings, Consumer<String> log);

    /** Where measurements of {@code key}'s candidates on {@code target} come from, if this kind measures. */
    Optional<MetricSpec> metricsFor(DeploymentKey key, TargetSpec target);

    /** The target a stored rollout names. */
    DeploymentTarget open(DeploymentKey key, TargetSpec spec);

    /** The metric source a stored rollout names. */
    MetricSource openMetrics(MetricSpec spec);

    /**
     * The lock of the (application, environment) of rollouts on {@code target}, when it lives with the
     * target rather than in the state directory, so that genesis processes with different state
     * directories (a laptop and a CI server) exclude each other too.
     */
    default Optional<RolloutLock> lock(TargetSpec target) {
        return Optional.empty();
    }

    /**
     * The deployment records kept with targets of this kind ({@code history: cluster}), reached with
     * {@code settings} (the environment's target settings, as for a deploy), so that every machine that
     * reaches the target sees the same history; empty when this kind keeps no records.
     *
     * @param retention how long the environment's records are kept ({@code retention:}), which the store
     *     honours within its own size bounds
     * @throws IllegalArgumentException when the settings do not say where (no namespace, no way to reach it)
     */
    default Optional<HistoryStore> history(Map<String, String> settings, Retention retention) {
        return Optional.empty();
    }

    /**
     * The target of {@code record}'s rollout, opened again from this machine's {@code settings} (the
     * environment's target) and what the target itself knows, for a rollback from a machine that has
     * only the records.
     *
     * @throws IllegalArgumentException when this kind cannot tell from the records and the target alone
     */
    default TargetSpec adopt(DeploymentKey key, DeploymentRecord record, Map<String, String> settings) {
        throw new IllegalArgumentException("a " + name() + " target cannot be rolled back from its records alone;"
                + " run genesis rollback with the state directory that deployed it (--state-dir)");
    }

    /**
     * What is unsafe but allowed about how {@code target} is reached (TLS verification off, plain http
     * to loopback), one sentence each: shown as the rollout starts and kept in its record.
     */
    default List<String> warnings(TargetSpec target) {
        return List.of();
    }

    /** Where what the target itself reports (beyond the engine's events) is written from now on. */
    default void reportTo(Consumer<String> log) {
        // Most kinds report nothing beyond the engine's events.
    }

    /** Stops what this kind started in this process. */
    @Override
    void close();
}
