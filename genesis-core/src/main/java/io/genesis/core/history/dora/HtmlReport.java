package io.genesis.core.history.dora;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The history as one self-contained HTML page: the DORA figures of each environment with their charts
 * (inline SVG), then the records. Nothing is loaded from anywhere (inline CSS, no script, no font, no
 * image), so the page opens the same from a CI artifact, a mail or a laptop offline. Every text taken
 * from a record is escaped.
 */
public final class HtmlReport {

    /** The page lists at most this many records, newest first, and says how many it left out. */
    public static final int MOST_ROWS = 500;

    /** The style the page and its figures need; a page that embeds {@link #figures} includes it once. */
    public static final String STYLE_SHEET = "body{font-family:sans-serif;margin:16px;color:#212121;background:#ffffff}"
            + "h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 6px}"
            + ".dora-figures{border-collapse:collapse;margin:4px 0 8px}"
            + ".dora-figures th,.dora-figures td{text-align:left;padding:2px 12px 2px 0;font-size:13px}"
            + ".dora-charts{display:grid;grid-template-columns:repeat(2," + DoraChart.WIDTH + "px);gap:12px}"
            + ".dora-chart{border:1px solid #e0e0e0;background:#ffffff}"
            + ".dora-chart-title{font-size:12px;font-weight:bold;fill:#212121}"
            + ".dora-chart-axis{font-size:10px;fill:#616161}"
            + ".records{border-collapse:collapse;font-size:12px}"
            + ".records th,.records td{border-bottom:1px solid #e0e0e0;padding:2px 8px 2px 0;text-align:left}"
            + ".note{color:#616161;font-size:12px}";

    private HtmlReport() {}

    /** The whole page: {@code title}, the figures of {@code report}, and {@code records} (any order). */
    public static String page(DoraReport report, List<DeploymentRecord> records, String title, Instant written) {
        ZoneId zone = report.range().zone();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.append("<title>").append(Html.escape(title)).append("</title>");
        html.append("<style>").append(STYLE_SHEET).append("</style></head><body>");
        html.append("<h1>").append(Html.escape(title)).append("</h1>");
        html.append("<p class=\"note\">Written ")
                .append(Html.escape(time(written, zone)))
                .append(" by genesis. How each figure is computed: docs/history.md.</p>");
        html.append(figures(report));
        html.append(table(records, zone));
        return html.append("</body></html>\n").toString();
    }

    /**
     * The figures and charts of each environment, without the page around them: what the Jenkins job page
     * embeds, with {@link #STYLE_SHEET} once.
     */
    public static String figures(DoraReport report) {
        DoraRange range = report.range();
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"dora\"><p class=\"note\">DORA figures from ")
                .append(range.from())
                .append(" to ")
                .append(range.to())
                .append(" (")
                .append(Html.escape(range.zone().getId()))
                .append("), by ")
                .append(range.period().word())
                .append(".</p>");
        if (report.environments().isEmpty()) {
            html.append("<p class=\"dora-empty\">No deployment records.</p>");
        }
        for (DoraReport.EnvironmentFigures environment : report.environments()) {
            DoraFigures total = environment.total();
            html.append("<section class=\"dora-environment\" data-environment=\"")
                    .append(Html.escape(environment.environment()))
                    .append("\"><h2>")
                    .append(Html.escape(environment.environment()))
                    .append("</h2><table class=\"dora-figures\">");
            row(html, "Deployment frequency", DoraText.frequency(total));
            row(html, "Lead time (commit to promotion)", DoraText.leadTime(total));
            row(html, "Change-failure rate", DoraText.changeFailureRate(total));
            row(html, "Time to restore", DoraText.timeToRestore(total));
            html.append("</table><div class=\"dora-charts\">");
            for (DoraChart chart : DoraChart.values()) {
                html.append(chart.svg(environment.periods()));
            }
            html.append("</div></section>");
        }
        return html.append("</div>").toString();
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>")
                .append(Html.escape(name))
                .append("</th><td>")
                .append(Html.escape(value))
                .append("</td></tr>");
    }

    private static String table(List<DeploymentRecord> records, ZoneId zone) {
        List<DeploymentRecord> newest = new ArrayList<>(records);
        newest.sort(Comparator.comparing(DeploymentRecord::endedAt).reversed());
        StringBuilder html = new StringBuilder();
        html.append("<h2>Records</h2>");
        if (newest.size() > MOST_ROWS) {
            html.append("<p class=\"note\">The newest ")
                    .append(MOST_ROWS)
                    .append(" of ")
                    .append(newest.size())
                    .append(" records.</p>");
        }
        html.append("<table class=\"records\"><tr><th>Ended</th><th>Application</th><th>Environment</th>"
                + "<th>Version</th><th>Commit</th><th>Strategy</th><th>Status</th><th>Took</th>"
                + "<th>Time to restore</th><th>Rollout / reason</th></tr>");
        for (DeploymentRecord record : newest.subList(0, Math.min(MOST_ROWS, newest.size()))) {
            html.append("<tr>");
            cell(html, time(record.endedAt(), zone));
            cell(html, record.application());
            cell(html, record.environment());
            cell(html, record.version());
            cell(html, record.commit().substring(0, Math.min(7, record.commit().length())));
            cell(html, record.strategy());
            cell(html, record.status().name());
            cell(html, Durations.format(Duration.between(record.startedAt(), record.endedAt())));
            cell(html, record.restoreTime().map(Durations::format).orElse(""));
            cell(html, record.id() + ": " + record.reason());
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td>").append(Html.escape(text)).append("</td>");
    }

    private static String time(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
                .withZone(zone)
                .format(instant);
    }
}
