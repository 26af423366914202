package io.genesis.core.history.dora;

import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The DORA figures as lines people read, the same words in the terminal, the HTML page and Jenkins. */
public final class DoraText {

    private DoraText() {}

    /** {@code 12 (1.71 a day)}. */
    public static String frequency(DoraFigures figures) {
        return figures.deployments() + " (" + String.format(Locale.ROOT, "%.2f", figures.deploymentsPerDay())
                + " a day)";
    }

    /**
     * {@code median 2 h, p90 5 h (4 promotions: 3 from the commit, 1 from the build date)}, or
     * {@code no data (…)}; then how many promotions were left out for want of a start.
     */
    public static String leadTime(DoraFigures figures) {
        return spread(figures.leadTime(), "promotion", starts(figures), "no promotion with a known start")
                + (figures.leadTimeUnknown() == 0
                        ? ""
                        : "; " + figures.leadTimeUnknown() + " without a commit time or build date, left out");
    }

    /** Where the lead times start, so that a figure partly measured from the build says so. */
    private static String starts(DoraFigures figures) {
        if (figures.leadFromBuild() == 0) {
            return ", from the commit";
        }
        if (figures.leadFromCommit() == 0) {
            return ", from the build date: no commit time recorded";
        }
        return ": " + figures.leadFromCommit() + " from the commit, " + figures.leadFromBuild()
                + " from the build date";
    }

    /** {@code 25.0 % (1 of 4 changes)}, or {@code no changes}. */
    public static String changeFailureRate(DoraFigures figures) {
        if (figures.changeFailureRate().isEmpty()) {
            return "no changes";
        }
        return percent(figures.changeFailureRate().getAsDouble()) + " (" + figures.failures() + " of "
                + figures.changes() + " change" + (figures.changes() == 1 ? "" : "s") + ")";
    }

    /** {@code median 40 s, p90 2 min (3 restores)}, noting failures never restored. */
    public static String timeToRestore(DoraFigures figures) {
        return spread(figures.timeToRestore(), "restore", "", "no restore with a known duration")
                + (figures.notRestored() == 0 ? "" : "; " + figures.notRestored() + " failure(s) without a restore");
    }

    /** The figures of {@code report}: per environment, the whole range, then one line per period. */
    public static List<String> lines(DoraReport report) {
        DoraRange range = report.range();
        List<String> lines = new ArrayList<>();
        lines.add("DORA figures from " + range.from() + " to " + range.to() + " ("
                + range.zone().getId() + "), by " + range.period().word());
        if (report.environments().isEmpty()) {
            lines.add("no records");
        }
        for (DoraReport.EnvironmentFigures environment : report.environments()) {
            DoraFigures total = environment.total();
            lines.add("");
            lines.add(environment.environment() + ":");
            lines.add("  deployment frequency   " + frequency(total));
            lines.add("  lead time              " + leadTime(total));
            lines.add("  change-failure rate    " + changeFailureRate(total));
            lines.add("  time to restore        " + timeToRestore(total));
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-10s  %11s  %-14s  %-14s  %-8s  %s",
                    range.period().word().toUpperCase(Locale.ROOT),
                    "DEPLOYMENTS",
                    "LEAD MEDIAN",
                    "LEAD P90",
                    "FAILURE",
                    "RESTORE MEDIAN"));
            for (DoraFigures period : environment.periods()) {
                lines.add(String.format(
                        Locale.ROOT,
                        "  %-10s  %11d  %-14s  %-14s  %-8s  %s",
                        period.span().first(),
                        period.deployments(),
                        duration(period.leadTime().medianValue()),
                        duration(period.leadTime().p90Value()),
                        period.changeFailureRate().isEmpty()
                                ? "-"
                                : percent(period.changeFailureRate().getAsDouble()),
                        duration(period.timeToRestore().medianValue())));
            }
        }
        return lines;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static String duration(Optional<Duration> duration) {
        return duration.map(Durations::format).orElse("-");
    }

    /** {@code median 2 h, p90 5 h (3 restores)}, with {@code detail} after the count; {@code none} when empty. */
    private static String spread(Spread spread, String what, String detail, String none) {
        if (spread.count() == 0) {
            return "no data (" + none + ")";
        }
        return "median " + Durations.format(spread.median()) + ", p90 " + Durations.format(spread.p90()) + " ("
                + spread.count() + " " + what + (spread.count() == 1 ? "" : "s") + detail + ")";
    }
}
