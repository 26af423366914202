package io.genesis.cli;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.dora.DoraPeriod;
import io.genesis.core.history.dora.DoraRange;
import io.genesis.core.history.dora.DoraReport;
import io.genesis.core.history.dora.DoraText;
import io.genesis.core.history.dora.FailureWindows;
import io.genesis.core.history.dora.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code genesis history --dora} and {@code --html FILE}: the DORA figures of the records, as text or as
 * a self-contained page. The figures and the page are the engine's ({@code io.genesis.core.history.dora});
 * this only maps the options.
 */
final class HistoryReports {

    /** How many periods the figures cover when {@code --from} is not given. */
    static final int DEFAULT_PERIODS = 12;

    @Option(
            names = "--dora",
            description = "Print the DORA figures (deployment frequency, lead time, change-failure rate, time to"
                    + " restore) per environment, for the whole range and per period.")
    boolean dora;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description = "Write a self-contained HTML page (no network) with the DORA charts and the records.")
    Path html;

    @Option(
            names = "--period",
            paramLabel = "day|week|month",
            defaultValue = "week",
            description = "How --dora and --html group the figures (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(
            names = "--from",
            paramLabel = "YYYY-MM-DD",
            description = "First day of the figures (default: " + DEFAULT_PERIODS + " periods up to --to).")
    String from;

    @Option(
            names = "--to",
            paramLabel = "YYYY-MM-DD",
            description = "Last day of the figures, included (default: today).")
    String to;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            defaultValue = "UTC",
            description = "Time zone the days are counted in, such as Europe/Berlin (default: ${DEFAULT-VALUE}).")
    String zone;

    /** Whether a figure or a page was asked for, rather than the list of records. */
    boolean wanted() {
        return dora || html != null;
    }

    /**
     * Prints the figures of {@code records} and writes the page, as asked.
     *
     * @return the exit code
     */
    int write(List<DeploymentRecord> records, String title, Clock clock, PrintWriter out, PrintWriter err) {
        DoraRange range;
        try {
            range = range(clock);
        } catch (IllegalArgumentException | DateTimeException e) {
            err.println("genesis history: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        DoraReport report = DoraReport.of(records, range, FailureWindows.defaults());
        if (dora) {
            DoraText.lines(report).forEach(out::println);
        }
        if (html != null) {
            try {
                Files.writeString(
                        html, HtmlReport.page(report, records, title, clock.instant()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("genesis history: could not write the HTML report to " + html + ": " + e
                        + "; give --html a file in a directory you can write to");
                return ExitCode.USAGE.code();
            }
            out.println("genesis history: wrote the HTML report of " + records.size() + " record"
                    + (records.size() == 1 ? "" : "s") + " to " + html);
        }
        return ExitCode.PASSED.code();
    }

    private DoraRange range(Clock clock) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "--zone '" + zone + "' is not a time zone: give a region such as Europe/Berlin, or UTC", e);
        }
        DoraPeriod grouping = DoraPeriod.parse("--period", period);
        LocalDate last = to == null ? clock.instant().atZone(zoneId).toLocalDate() : day("--to", to);
        if (from == null) {
            return DoraRange.ending(last, zoneId, grouping, DEFAULT_PERIODS);
        }
        return new DoraRange(day("--from", from), last, zoneId, grouping);
    }

    private static LocalDate day(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    option + " '" + text + "' is not a date: write it as YYYY-MM-DD, such as 2026-03-02", e);
        }
    }
}
