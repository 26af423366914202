package io.genesis.core.monitor;

/** Opens the metric source a stored rollout names, so that a restarted engine can carry on. */
@FunctionalInterface
public interface MetricSourceFactory {

    /** The source {@code spec} describes; an unknown kind fails with the known ones. */
    MetricSource open(MetricSpec spec);
}
