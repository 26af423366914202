package io.genesis.core.board;

import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchVerdict;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the post-deploy watch of one rollout stands: its newest watch (a later one supersedes an earlier
 * one), or that none was started.
 *
 * @param state {@code NONE}, {@code WATCHING}, {@code ROLLING_BACK}, or the verdict of a watch that
 *     ended ({@code HEALTHY}, {@code ROLLED_BACK}, {@code SUPERSEDED}, {@code STOPPED}, {@code INCONCLUSIVE})
 * @param summary one line for people, such as {@code watching until 2026-12-09T10:00:00Z, 42 samples,
 *     incident #2 warning open}
 * @param watchId the watch's id, empty when there is none
 */
public record WatchHealth(String state, String summary, String watchId) {

    /** The state of a rollout no watch was started for. */
    public static final String NONE = "NONE";

    public WatchHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(summary, "summary");
        watchId = watchId == null ? "" : watchId;
    }

    /** The health of {@code rolloutId} from every stored watch: its newest watch, else none. */
    public static WatchHealth of(String rolloutId, List<WatchState> watches) {
        return watches.stream()
                .filter(watch -> watch.request().rolloutId().equals(rolloutId))
                .max(Comparator.comparing(WatchState::startedAt)
                        .thenComparing(watch -> watch.id().toString()))
                .map(WatchHealth::of)
                .orElseGet(() -> new WatchHealth(NONE, "no post-deploy watch", ""));
    }

    private static WatchHealth of(WatchState watch) {
        String samples = watch.sampling().run().samples() + " samples";
        if (watch.ended() && watch.outcome() != null) {
            WatchVerdict verdict = watch.outcome().verdict();
            return new WatchHealth(
                    verdict.name(),
                    "ended " + verdict.name() + " at " + watch.outcome().endedAt() + ", " + samples + ", "
                            + watch.incidents().size() + " incidents: "
                            + watch.outcome().reason(),
                    watch.id().toString());
        }
        String open = watch.openIncident()
                .map(incident -> ", incident #" + incident.number() + " "
                        + incident.severity().name().toLowerCase(Locale.ROOT) + " open")
                .orElse(", no open incident");
        return new WatchHealth(
                watch.stage().name(),
                watch.stage().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " until " + watch.endsAt() + ", "
                        + samples + open,
                watch.id().toString());
    }
}
