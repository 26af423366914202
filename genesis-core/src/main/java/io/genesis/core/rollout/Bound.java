package io.genesis.core.rollout;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentTarget;
import java.util.Objects;

/** The target and metric source one rollout drives, opened from its stored request. */
final class Bound {

    private final DeploymentTarget target;
    private final MetricSourceFactory metricSources;
    private final RolloutRequest request;
    private final DeploymentContext context;
    private MetricSource metrics;

    Bound(DeploymentTarget target, MetricSourceFactory metricSources, RolloutId id, RolloutRequest request) {
        this.target = Objects.requireNonNull(target, "target");
        this.metricSources = metricSources;
        this.request = request;
        this.context = new DeploymentContext(id.value(), request.key(), request.version(), request.commit());
    }

    DeploymentTarget target() {
        return target;
    }

    DeploymentContext context() {
        return context;
    }

    /** The metric source, opened on first use; a plan that analyses always names one (checked at submit). */
    synchronized MetricSource metrics() {
        if (metrics == null) {
            metrics = metricSources.open(request.metrics());
        }
        return metrics;
    }
}
