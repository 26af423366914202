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

    /** From records in any order. */
    public static CurrentDeployments from(List<DeploymentRecord> records) {
        Map<DeploymentKey, DeploymentRecord> latest = new TreeMap<>();
        for (DeploymentRecord record : records) {
            if (record.status() != RecordStatus.SUCCEEDED) {
                continue;
            }
            latest.merge(record.key(), record, (a, b) -> b.endedAt().isAfter(a.endedAt()) ? b : a);
        }
        return new CurrentDeployments(latest);
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
