package io.genesis.core.history.dora;

import static io.genesis.core.history.dora.DoraRecords.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final DoraRange TWO_DAYS =
            new DoraRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), ZoneOffset.UTC, DoraPeriod.DAY);
    private static final Instant WRITTEN = Instant.parse("2026-03-04T09:00:00Z");

    private static List<DeploymentRecord> records() {
        Instant day1 = Instant.parse("2026-03-02T10:00:00Z");
        Instant day2 = Instant.parse("2026-03-03T10:00:00Z");
        return List.of(
                rollout("r1", "production")
                        .built(day1.minus(Duration.ofHours(1)))
                        .promoted(day1)
                        .record(),
                rollout("r2", "production")
                        .built(day2.minus(Duration.ofHours(3)))
                        .promoted(day2)
                        .record(),
                rollout("r3", "production")
                        .built(day2.minus(Duration.ofHours(1)))
                        .promoted(day2.plusSeconds(3600))
                        .rolledBack(day2.plusSeconds(7200), day2.plusSeconds(7230))
                        .record());
    }

    private static String page(List<DeploymentRecord> records) {
        return HtmlReport.page(
                DoraReport.of(records, TWO_DAYS, FailureWindows.defaults()), records, "Deployments of shop", WRITTEN);
    }

    @Test
    void shouldLoadNothingFromAnywhere() {
        String html = page(records());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script", "<link", "<img");
        // The only URL is the SVG namespace, which names and loads nothing.
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:", "//");
    }

    @Test
    void shouldDrawEachFigureInItsColourWithABarPerPeriodThatHasData() {
        String html = page(records());

        for (DoraChart chart : DoraChart.values()) {
            assertThat(html).contains("data-figure=\"" + chart.id() + "\"");
        }
        // deployments: day 1 one, day 2 two; the taller bar is twice the shorter (plot height 128).
        assertThat(bars(html, DoraChart.DEPLOYMENTS)).containsExactly(64.0, 128.0);
        // lead time medians: day 1 1 h, day 2 {3 h, 2 h} -> 2 h (nearest rank)
        assertThat(bars(html, DoraChart.LEAD_TIME)).containsExactly(64.0, 128.0);
        // only day 2 had a failure: 1 of 2 changes
        assertThat(bars(html, DoraChart.CHANGE_FAILURE_RATE)).containsExactly(128.0);
        assertThat(bars(html, DoraChart.TIME_TO_RESTORE)).containsExactly(128.0);
        assertThat(html).contains("<th>Change-failure rate</th>");
        assertThat(html).contains("33.3 % (1 of 3 changes)", "median 30 s, p90 30 s (1 restore)");
    }

    @Test
    void shouldEscapeEveryTextFromTheRecords() {
        DeploymentRecord hostile = rollout("<script>alert(1)</script>", "production")
                .application("shop")
                .promoted(Instant.parse("2026-03-02T10:00:00Z"))
                .rolledBack(Instant.parse("2026-03-02T11:00:00Z"), null)
                .record();

        String html = page(List.of(hostile));

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // No build date: no lead time to draw, and the chart says so rather than drawing a zero.
        assertThat(html).contains("Lead time (median) (no data)", "Change-failure rate (highest 100.0 %)");
    }

    @Test
    void shouldListTheRecordsNewestFirst() {
        String html = page(records());

        assertThat(html.indexOf("<td>r3: ")).isLessThan(html.indexOf("<td>r2: "));
        assertThat(html.indexOf("<td>r2: ")).isLessThan(html.indexOf("<td>r1: "));
        assertThat(html).contains("<td>2026-03-02 10:00 Z</td>");
    }

    @Test
    void shouldSayWhenThereAreNoRecords() {
        assertThat(page(List.of())).contains("No deployment records.");
    }

    /** The heights of the bars of {@code chart}, in order. */
    private static List<Double> bars(String html, DoraChart chart) {
        int start = html.indexOf("data-figure=\"" + chart.id() + "\"");
        String svg = html.substring(start, html.indexOf("</svg>", start));
        Matcher bar = Pattern.compile("<rect [^>]*height=\"([0-9.]+)\" fill=\"" + chart.colour() + "\"")
                .matcher(svg);
        List<Double> heights = new java.util.ArrayList<>();
        while (bar.find()) {
            heights.add(Double.parseDouble(bar.group(1)));
        }
        return heights;
    }
}
