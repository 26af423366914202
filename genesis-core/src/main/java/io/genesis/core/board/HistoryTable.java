package io.genesis.core.board;

import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import java.util.List;

/**
 * One page of a job's (or a folder's) deployment history, newest first, read with a single
 * {@link HistoryStore#page} call: a store with an index reads only that page.
 *
 * @param rows the lines of this page
 * @param page which page, from 1
 * @param pageSize how many lines a page holds
 * @param total how many records the job has in all
 * @param problems lines of the store that could not be read, each with why
 */
public record HistoryTable(List<HistoryRow> rows, int page, int pageSize, int total, List<String> problems) {

    /** Lines per page unless a front door asks for another size. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    public HistoryTable {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /**
     * Page {@code page} (from 1) of the records of the job or folder with full name {@code job}.
     *
     * @throws IllegalArgumentException naming the value when {@code page} is below 1 or {@code pageSize}
     *     outside 1 to {@value HistoryQuery#MAX_LIMIT}
     */
    public static HistoryTable read(HistoryStore store, String job, int page, int pageSize) {
        if (page < 1) {
            throw new IllegalArgumentException("history page must be 1 or more, got " + page);
        }
        if (pageSize < 1 || pageSize > HistoryQuery.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "history page size must be between 1 and " + HistoryQuery.MAX_LIMIT + ", got " + pageSize);
        }
        long offset = (long) (page - 1) * pageSize;
        if (offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("history page " + page + " lies beyond any history");
        }
        HistoryPage read = store.page(HistoryQuery.ofJob(job, pageSize).at((int) offset, pageSize));
        return new HistoryTable(
                read.records().stream().map(HistoryRow::of).toList(), page, pageSize, read.total(), read.problems());
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    /** Whether a page comes before this one. */
    public boolean hasPrevious() {
        return page > 1;
    }
}
