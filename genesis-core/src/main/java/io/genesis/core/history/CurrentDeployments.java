package io.genesis.core.history;

import io.genesis.core.target.DeploymentKey;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What runs in each environment now, derived from the records: per application and
 * environment, the latest rollout that succeeded and was not rolled back later. A rollout that
 * was rolled back leaves the earlier version in place, which is what the records then say.
 */
public final class CurrentDeployments {

    private final Map<DeploymentKey, DeploymentRecord> current;

    private CurrentDeployments(Map<DeploymentKey, DeploymentRecord> current) {
        this.current = Collections.unmodifiableMap(current);
    }

    /**
     * From records in any order; of two that ended at the same instant, the one that comes first in
     * {@code records} (a store's newest).
     */
    public static CurrentDeployments from(List<DeploymentRecord> records) {
        Map<DeploymentKey, DeploymentRecord> latest = new TreeMap<>();
        for (DeploymentRecord record : records) {
            if (runs(record)) {
                latest.merge(record.key(), record, (a, b) -> endedLater(b, a) ? b : a);
            }
        }
        return new CurrentDeployments(latest);
    }

    /**
     * Whether {@code record} may be what runs in its environment: its rollout succeeded and was not
     * rolled back later (a later rollback rewrites the record as {@link RecordStatus#ROLLED_BACK}).
     */
    public static boolean runs(DeploymentRecord record) {
        return record.status() == RecordStatus.SUCCEEDED;
    }

    /**
     * Whether {@code record} ended after {@code other}, so that of two that {@link #runs run} it is the one
     * that runs now. A store that keeps the records that run in this order may answer with its newest.
     */
    public static boolean endedLater(DeploymentRecord record, DeploymentRecord other) {
        return record.endedAt().isAfter(other.endedAt());
    }

    /** From every record in {@code store}. */
    public static CurrentDeployments of(HistoryStore store) {
        return from(store.all(HistoryQuery.newest(1)));
    }

    /** The record of what runs for {@code key}, if anything was ever deployed successfully. */
    public Optional<DeploymentRecord> at(DeploymentKey key) {
        return Optional.ofNullable(current.get(key));
    }

    /** Everything that runs, by application and environment. */
    public Map<DeploymentKey, DeploymentRecord> all() {
        return current;
    }
}
