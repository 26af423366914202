package io.genesis.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        List<DeploymentRecord> all = new ArrayList<>();
        HistoryQuery next = query.at(0, HistoryQuery.MAX_LIMIT);
        while (true) {
            HistoryPage page = page(next);
            all.addAll(page.records());
            if (!page.hasMore(next)) {
                break;
            }
            next = next.next();
        }
        return all;
    }

    /** The record with {@code id}, if there is one. */
    default Optional<DeploymentRecord> find(String id) {
        return all(HistoryQuery.newest(1)).stream()
                .filter(r -> r.id().equals(id))
                .findFirst();
    }
}
