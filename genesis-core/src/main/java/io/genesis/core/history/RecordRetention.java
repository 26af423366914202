package io.genesis.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The retention of every environment: its own {@code retention:} where its policy sets one, else
 * {@code fallback}. One rule for every store that lets records go (the controller's indexed store, the
 * command line's {@code history.jsonl}, the cluster's ConfigMaps): {@link #kept}.
 *
 * @param fallback the retention of an environment whose policy sets none
 * @param byEnvironment each environment's own, by name
 */
public record RecordRetention(Retention fallback, Map<String, Retention> byEnvironment) {

    /** {@link Retention#DEFAULT} everywhere. */
    public static final RecordRetention DEFAULT = new RecordRetention(Retention.DEFAULT, Map.of());

    public RecordRetention {
        Objects.requireNonNull(fallback, "fallback");
        byEnvironment = Map.copyOf(byEnvironment);
    }

    /** The environments' own retention, {@link Retention#DEFAULT} for the others. */
    public static RecordRetention of(Map<String, Retention> byEnvironment) {
        return new RecordRetention(Retention.DEFAULT, byEnvironment);
    }

    /** The retention of {@code environment}. */
    public Retention of(String environment) {
        return byEnvironment.getOrDefault(environment, fallback);
    }

    /**
     * The ids of the records to keep as of {@code now}: a record stays while it is among the newest
     * {@code keep} of its application, environment and job, or ended within {@code keepFor}, or is what
     * runs in its application and environment now.
     *
     * @param oldestFirst each record once (its latest version), oldest first
     */
    public Set<String> kept(List<DeploymentRecord> oldestFirst, Instant now) {
        // What runs now is the same rule the status and rollback read.
        Set<String> kept = new HashSet<>();
        CurrentDeployments.from(new ArrayList<>(oldestFirst)).all().values().forEach(record -> kept.add(record.id()));
        Map<String, Integer> newerInKey = new HashMap<>();
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            DeploymentRecord record = oldestFirst.get(i);
            Retention retention = of(record.environment());
            String key = record.application() + '\0' + record.environment() + '\0' + JobNames.jobOf(record.build());
            int newer = newerInKey.merge(key, 1, Integer::sum) - 1;
            if (newer < retention.keep() || !record.endedAt().isBefore(now.minus(retention.keepFor()))) {
                kept.add(record.id());
            }
        }
        return kept;
    }
}
