package io.jenkins.plugins.genesis.monitor;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.watch.WatchThresholds;
import java.util.Optional;

/**
 * The metric source an environment's trusted configuration names for its watches, if any: in Jenkins
 * the global configuration's {@code metrics:} of the environment. Where there is none, a watch
 * samples the source the step names, or the one the deploying rollout analysed with; where a
 * protected environment has one, no step can replace it (core's {@code WatchTuning.source}).
 */
@FunctionalInterface
public interface EnvironmentSources {

    /** No environment configures a source. */
    EnvironmentSources NONE = environment -> Optional.empty();

    Optional<MetricSpec> of(String environment);

    /**
     * The environment's post-deploy watch thresholds, if its trusted configuration sets them
     * ({@code watchThresholds:}); a watch without them takes the deploying rollout's.
     */
    default Optional<WatchThresholds> thresholds(String environment) {
        return Optional.empty();
    }
}
