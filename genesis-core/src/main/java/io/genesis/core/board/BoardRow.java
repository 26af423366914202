package io.genesis.core.board;

import io.genesis.core.history.DeploymentRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * What runs in one application and environment: the version, since when, which rollout and build put
 * it there, and how its post-deploy watch stands.
 *
 * @param application the application
 * @param environment the environment
 * @param version the version that runs
 * @param since when the rollout that put it there ended
 * @param rolloutId that rollout
 * @param build the build that started it (such as {@code shop/main#12}), empty when not known
 * @param strategy the strategy it was deployed with
 * @param watch the health of its post-deploy watch
 */
public record BoardRow(
        String application,
        String environment,
        String version,
        Instant since,
        String rolloutId,
        String build,
        String strategy,
        WatchHealth watch) {

    public BoardRow {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(rolloutId, "rolloutId");
        build = build == null ? "" : build;
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(watch, "watch");
    }

    /** The row of the deployment {@code record} describes, with its watch's health. */
    static BoardRow of(DeploymentRecord record, WatchHealth watch) {
        return new BoardRow(
                record.application(),
                record.environment(),
                record.version(),
                record.endedAt(),
                record.id(),
                record.build(),
                record.strategy(),
                watch);
    }
}
