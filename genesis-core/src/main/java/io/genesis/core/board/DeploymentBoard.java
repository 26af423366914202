package io.genesis.core.board;

import io.genesis.core.history.HistoryStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.watch.WatchState;
import java.util.ArrayList;
import java.util.List;

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
     * stored watch. A key where nothing ever succeeded has no row. Reads the job's keys and what runs in
     * each ({@link HistoryStore#keys}, {@link HistoryStore#running}): an indexed store reads about one
     * record per key, not the job's history.
     */
    public static List<BoardRow> of(HistoryStore store, List<WatchState> watches, String job) {
        List<BoardRow> rows = new ArrayList<>();
        for (DeploymentKey key : store.keys(job)) {
            store.running(key)
                    .map(record -> BoardRow.of(record, WatchHealth.of(record.id(), watches)))
                    .ifPresent(rows::add);
        }
        return List.copyOf(rows);
    }
}
