package io.genesis.cli;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.TargetGoneException;
import java.util.EnumSet;
import java.util.Set;

/**
 * A target that lived inside a genesis process which has ended (a sandbox): nothing of it remains.
 * Every operation that would have to change it fails with that explanation, so an engine that finds
 * such a rollout ends it rather than pretending to move traffic. Scaling the previous version down
 * succeeds: it no longer runs, which is all a scale-down asks for.
 */
final class VanishedTarget implements DeploymentTarget, MetricSource {

    private final String description;
    private final String why;

    /**
     * @param description what the target was, such as {@code sandbox 3f2a…}
     * @param why why it is gone, such as {@code it ran inside genesis process 1234, which has ended}
     */
    VanishedTarget(String description, String why) {
        this.description = description;
        this.why = why;
    }

    @Override
    public String describe() {
        return description + " (gone)";
    }

    private TargetGoneException gone(String operation) {
        return new TargetGoneException(
                "cannot " + operation + " on " + description + ": " + why + "; nothing of it remains to change");
    }

    @Override
    public void deployCandidate(DeploymentContext context) {
        throw gone("deploy the candidate");
    }

    @Override
    public Health health(DeploymentContext context) {
        return Health.unhealthy(description + " is gone: " + why);
    }

    @Override
    public Health smokeCheck(DeploymentContext context) {
        return Health.unhealthy(description + " is gone: " + why);
    }

    @Override
    public void promote(DeploymentContext context) {
        throw gone("promote the candidate");
    }

    @Override
    public void scaleDownPrevious(DeploymentContext context) {
        // The previous version stopped with the process that ran it: the scale-down's goal holds already.
    }

    @Override
    public void rollback(DeploymentContext context) {
        throw gone("roll back");
    }

    @Override
    public Set<Metric> metrics() {
        return EnumSet.noneOf(Metric.class);
    }

    @Override
    public MetricReadings sample(MetricWindow window) {
        throw gone("measure the candidate");
    }
}
