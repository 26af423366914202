package io.genesis.core.history;

import io.genesis.core.target.DeploymentKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Where deployment records are kept: append-only, read a page at a time. */
public interface HistoryStore {

    /**
     * Adds {@code record} durably before returning. Appending a record with the id of an earlier
     * one replaces it for readers; appending the same record twice is harmless.
     */
    void append(DeploymentRecord record);

    /** The records {@code query} asks for, newest first. */
    HistoryPage page(HistoryQuery query);

    /** Every record of {@code query}'s key, newest first, reading page after page. */
    default List<DeploymentRecord> all(HistoryQuery query) {
        return endedSince(query, Instant.MIN);
    }

    /**
     * The records of {@code query} that ended at or after {@code from}, newest first, reading page after
     * page and stopping after the first page in which every record ended before {@code from}: what a
     * report over a recent period (the job page's DORA figures) needs, without reading the years before
     * it. Records are kept in the order they were written, which is the order they ended in, except for
     * an import of older history: those written behind such a page are not read.
     */
    default List<DeploymentRecord> endedSince(HistoryQuery query, Instant from) {
        List<DeploymentRecord> found = new ArrayList<>();
        HistoryQuery next = query.at(0, HistoryQuery.MAX_LIMIT);
        while (true) {
            HistoryPage page = page(next);
            boolean recent = false;
            for (DeploymentRecord record : page.records()) {
                if (!record.endedAt().isBefore(from)) {
                    found.add(record);
                    recent = true;
                }
            }
            if (!recent || !page.hasMore(next)) {
                break;
            }
            next = next.next();
        }
        return found;
    }

    /** The record with {@code id}, if there is one. */
    default Optional<DeploymentRecord> find(String id) {
        return all(HistoryQuery.newest(1)).stream()
                .filter(r -> r.id().equals(id))
                .findFirst();
    }

    /**
     * Every application and environment that the records of the job with full name {@code job} (or of
     * the jobs in the folder of that name, see {@link JobNames#within}) were deployed to, whatever their
     * outcome. This reads every record of the job; a store with an index answers from it.
     */
    default SortedSet<DeploymentKey> keys(String job) {
        TreeSet<DeploymentKey> keys = new TreeSet<>();
        all(HistoryQuery.ofJob(job, 1)).forEach(record -> keys.add(record.key()));
        return keys;
    }

    /**
     * The record of what runs in {@code key} now, by {@link CurrentDeployments}' rule: the rollout that
     * ended last of those that succeeded and were not rolled back. This reads every record of the key; a
     * store with an index reads only the few it needs.
     */
    default Optional<DeploymentRecord> running(DeploymentKey key) {
        return CurrentDeployments.from(all(HistoryQuery.of(key, 1))).at(key);
    }
}
