package io.jenkins.plugins.genesis.board;

import io.jenkins.plugins.genesis.deploy.RolloutHost;
import java.util.List;

/** The rows the job page and the folder board show, read through the engine, for any job or folder name. */
final class JobViews {

    private JobViews() {}

    static List<BoardEntry> board(RolloutHost host, String job) {
        return host.board(job).stream().map(row -> new BoardEntry(row, job)).toList();
    }

    static List<RunningEntry> inProgress(RolloutHost host, String job) {
        return host.inProgress(job).stream().map(RunningEntry::new).toList();
    }

    static HistorySheet history(RolloutHost host, String job, int page, int pageSize) {
        return new HistorySheet(host.historyTable(job, page, pageSize));
    }

    /** A page number from a request parameter: a positive whole number, else the first page. */
    static int pageNumber(String page) {
        if (page == null
                || page.isBlank()
                || page.length() > 9
                || !page.strip().chars().allMatch(Character::isDigit)) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(page.strip()));
    }
}
