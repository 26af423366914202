package io.jenkins.plugins.genesis.dora;

import hudson.model.Action;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.dora.DoraPeriod;
import io.genesis.core.history.dora.DoraRange;
import io.genesis.core.history.dora.DoraReport;
import io.genesis.core.history.dora.FailureWindows;
import io.genesis.core.history.dora.HtmlReport;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The DORA figures of one job's deployments, on a page of the job: the same figures and charts as
 * {@code genesis history --html}, written by the engine ({@link HtmlReport#figures}), over the last
 * {@value #WEEKS} ISO weeks in UTC. A job's deployments are the records its builds started (the record's
 * build is the run's externalizable id, {@code folder/job#12}).
 *
 * <p>It is built per request from the store (a transient action), holds nothing Jenkins persists, and
 * the page is read-only.
 */
public final class DoraAction implements Action {

    /** Where the page is, under the job's URL. */
    public static final String URL_NAME = "genesis-dora";

    /** How many weeks the page shows, up to the current one. */
    public static final int WEEKS = 12;

    private final String job;
    private final Supplier<Optional<HistoryStore>> store;
    private final Clock clock;

    /**
     * @param jobFullName the job's full name, such as {@code shop/main}
     * @param store where the deployment records are, asked only when the page is shown (empty while the
     *     controller's engine is not running)
     */
    public DoraAction(String jobFullName, Supplier<Optional<HistoryStore>> store) {
        this(jobFullName, store, Clock.systemUTC());
    }

    DoraAction(String jobFullName, HistoryStore store, Clock clock) {
        this(jobFullName, () -> Optional.of(store), clock);
        Objects.requireNonNull(store, "store");
    }

    private DoraAction(String jobFullName, Supplier<Optional<HistoryStore>> store, Clock clock) {
        this.job = Objects.requireNonNull(jobFullName, "jobFullName");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return Messages.DISPLAY_NAME.format();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    public String getJobFullName() {
        return job;
    }

    /** The engine's figures and charts as HTML, every text from the records escaped by the engine. */
    public String getFiguresHtml() {
        return HtmlReport.figures(report());
    }

    /** The style the figures need. */
    public String getStyleSheet() {
        return HtmlReport.STYLE_SHEET;
    }

    DoraReport report() {
        DoraRange range = range();
        return DoraReport.of(records(range), range, FailureWindows.defaults());
    }

    /** The weeks the page shows, ending today (UTC). */
    DoraRange range() {
        ZoneId utc = ZoneId.of("UTC");
        return DoraRange.ending(clock.instant().atZone(utc).toLocalDate(), utc, DoraPeriod.WEEK, WEEKS);
    }

    /** This job's records in the weeks shown ({@code JobNames}, read from the job's index). */
    List<DeploymentRecord> records() {
        return records(range());
    }

    /**
     * This job's records that ended in {@code range} or after: read newest first from the job's index,
     * stopping at the first page wholly before the range, so the page costs what the weeks shown hold, not
     * what the job ever deployed.
     */
    private List<DeploymentRecord> records(DoraRange range) {
        return store.get()
                .map(history -> history.endedSince(HistoryQuery.newest(1).ofJob(job), range.start()))
                .orElse(List.of());
    }
}
