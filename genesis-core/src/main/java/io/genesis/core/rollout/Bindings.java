package io.genesis.core.rollout;

import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The target and metric source each rollout drives, opened once and kept until it has settled. */
final class Bindings {

    private final TargetFactory targets;
    private final MetricSourceFactory metricSources;
    private final Map<RolloutId, Bound> bound = new ConcurrentHashMap<>();

    Bindings(TargetFactory targets, MetricSourceFactory metricSources) {
        this.targets = targets;
        this.metricSources = metricSources;
    }

    /** Keeps the target submit opened already, so it is not opened twice. */
    void put(RolloutId id, DeploymentTarget target, RolloutRequest request) {
        bound.put(id, new Bound(target, metricSources, id, request));
    }

    /** What {@code state} drives, opened again from its stored request after a restart. */
    Bound of(RolloutState state) {
        return bound.computeIfAbsent(
                state.id(),
                id -> new Bound(
                        targets.open(state.request().key(), state.request().target()),
                        metricSources,
                        id,
                        state.request()));
    }

    void forget(RolloutId id) {
        bound.remove(id);
    }
}
