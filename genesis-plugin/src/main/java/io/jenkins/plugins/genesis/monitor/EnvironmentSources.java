package io.jenkins.plugins.genesis.monitor;

import io.genesis.core.monitor.MetricSpec;
import java.util.Optional;

/**
 * The metric source an environment's trusted configuration names for its watches, if any. The seam
 * through which the global configuration's metric sources per environment (a separate piece of
 * work) reach the watch; until they do, {@link #NONE}, and a watch samples the source the deploying
 * rollout analysed with, or the one the step names.
 */
@FunctionalInterface
public interface EnvironmentSources {

    /** No environment configures a source. */
    EnvironmentSources NONE = environment -> Optional.empty();

    Optional<MetricSpec> of(String environment);
}
