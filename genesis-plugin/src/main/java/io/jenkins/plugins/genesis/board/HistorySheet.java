package io.jenkins.plugins.genesis.board;

import io.genesis.core.board.HistoryTable;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One page of the job's deployment history, newest first, with where it lies among the others. */
@ExportedBean(defaultVisibility = 2)
public final class HistorySheet {

    private final HistoryTable table;

    HistorySheet(HistoryTable table) {
        this.table = table;
    }

    @Exported(inline = true)
    public List<HistoryEntry> getEntries() {
        return table.rows().stream().map(HistoryEntry::new).toList();
    }

    /** Which page, from 1. */
    @Exported
    public int getPage() {
        return table.page();
    }

    @Exported
    public int getPageSize() {
        return table.pageSize();
    }

    /** How many deployments the job has in all. */
    @Exported
    public int getTotal() {
        return table.total();
    }

    @Exported
    public boolean isHasNext() {
        return table.hasNext();
    }

    @Exported
    public boolean isHasPrevious() {
        return table.hasPrevious();
    }

    public int getNextPage() {
        return table.page() + 1;
    }

    public int getPreviousPage() {
        return table.page() - 1;
    }

    /** Lines of the store that could not be read, each with why. */
    @Exported
    public List<String> getProblems() {
        return table.problems();
    }
}
