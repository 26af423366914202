package io.genesis.core.watch;

import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import java.time.Duration;
import java.util.Objects;

/**
 * What to watch after a deploy, and how to judge it.
 *
 * @param key the application and environment
 * @param version the version deployed there
 * @param rolloutId the rollout that deployed it, which a critical incident rolls back; empty when
 *     the watch was started on demand for a version no rollout of this engine deployed
 * @param metrics where samples come from
 * @param thresholds warning, critical and automatic-rollback bounds per metric, the run of critical
 *     samples that rolls back, what a sample without data leads to, and the sample interval
 * @param window how long to watch
 * @param recoverySamples how many healthy samples in a row resolve an open incident, at least 1
 * @param rollBack whether a critical incident may roll back automatically (the environment's policy)
 * @param initiator who started the watch
 */
public record WatchRequest(
        DeploymentKey key,
        Version version,
        String rolloutId,
        MetricSpec metrics,
        AnalysisThresholds thresholds,
        Duration window,
        int recoverySamples,
        boolean rollBack,
        String initiator) {

    /** Two healthy samples in a row (a minute at the default interval) resolve an incident. */
    public static final int DEFAULT_RECOVERY_SAMPLES = 2;

    public WatchRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        rolloutId = rolloutId == null ? "" : rolloutId;
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("watch window must be positive, got " + window
                    + "; an environment without a watch window starts no watch");
        }
        if (recoverySamples < 1) {
            throw new IllegalArgumentException("recoverySamples must be at least 1, got " + recoverySamples);
        }
        initiator = initiator == null || initiator.isBlank() ? "unknown" : initiator;
    }

    /** A watch of {@code window} with the default recovery count that may roll back {@code rolloutId}. */
    public static WatchRequest of(
            DeploymentKey key,
            Version version,
            String rolloutId,
            MetricSpec metrics,
            AnalysisThresholds thresholds,
            Duration window,
            String initiator) {
        return new WatchRequest(
                key, version, rolloutId, metrics, thresholds, window, DEFAULT_RECOVERY_SAMPLES, true, initiator);
    }

    public WatchRequest withRecoverySamples(int count) {
        return new WatchRequest(key, version, rolloutId, metrics, thresholds, window, count, rollBack, initiator);
    }

    public WatchRequest withRollBack(boolean allowed) {
        return new WatchRequest(
                key, version, rolloutId, metrics, thresholds, window, recoverySamples, allowed, initiator);
    }
}
