package io.genesis.core.watch;

import io.genesis.core.monitor.AnalysisThresholds;
import java.util.Objects;

/**
 * How an environment's post-deploy watch judges a version, as its policy sets it
 * ({@code watchThresholds:}, read by {@link WatchThresholdsBinder}): the bounds per metric, the run of
 * critical samples that rolls back, the sample interval, and the run of healthy samples that resolves
 * an incident.
 *
 * @param thresholds the warning, critical and automatic-rollback bounds, and how often to sample
 * @param recoverySamples how many healthy samples in a row resolve an open incident
 */
public record WatchThresholds(AnalysisThresholds thresholds, int recoverySamples) {

    /** The release guide's bounds with two healthy samples to recover, as a watch without a policy has. */
    public static WatchThresholds defaults() {
        return new WatchThresholds(AnalysisThresholds.defaults(), WatchRequest.DEFAULT_RECOVERY_SAMPLES);
    }

    public WatchThresholds {
        Objects.requireNonNull(thresholds, "thresholds");
        if (recoverySamples < 1) {
            throw new IllegalArgumentException("recoverySamples must be at least 1, got " + recoverySamples);
        }
    }
}
