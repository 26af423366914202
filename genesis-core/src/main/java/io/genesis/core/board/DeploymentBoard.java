package io.genesis.core.board;

import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.watch.WatchState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What runs where for one job, or for every job in one folder (such as a multibranch project's
 * branches): one row per application and environment its builds ever deployed to, sorted by
 * application then environment, each saying what runs there now — the newest rollout of that key that
 * succeeded and was not rolled back, whichever job's build it came from, since "what runs where" is
 * a fact of the environment, not of one job — with its watch's health.
 */
public final class DeploymentBoard {

    private DeploymentBoard() {}

    /**
     * The rows of the job or folder with full name {@code job}, from {@code store}'s records and every
     * stored watch. A key where nothing ever succeeded has no row.
     */
    public static List<BoardRow> of(HistoryStore store, List<WatchState> watches, String job) {
        List<BoardRow> rows = new ArrayList<>();
        for (DeploymentKey key : keysOf(store, job)) {
            running(store, key)
                    .map(record -> BoardRow.of(record, WatchHealth.of(record.id(), watches)))
                    .ifPresent(rows::add);
        }
        return List.copyOf(rows);
    }

    /** Every application and environment the builds of {@code job} (or of the jobs in it) deployed to, whatever the outcome. */
    public static SortedSet<DeploymentKey> keysOf(HistoryStore store, String job) {
        TreeSet<DeploymentKey> keys = new TreeSet<>();
        store.all(HistoryQuery.ofJob(job, 1)).forEach(record -> keys.add(record.key()));
        return keys;
    }

    private static Optional<DeploymentRecord> running(HistoryStore store, DeploymentKey key) {
        return CurrentDeployments.from(store.all(HistoryQuery.of(key, 1))).at(key);
    }
}
