package io.genesis.core.history;

import java.util.List;

/**
 * A page of records, newest first, and the problems met while reading them.
 *
 * @param records the records on this page
 * @param total how many records match the query in all
 * @param problems lines that were skipped (a torn last line after a crash), each with its reason
 */
public record HistoryPage(List<DeploymentRecord> records, int total, List<String> problems) {

    public HistoryPage {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /** Whether another page follows, given the query that produced this one. */
    public boolean hasMore(HistoryQuery query) {
        return query.offset() + records.size() < total;
    }
}
