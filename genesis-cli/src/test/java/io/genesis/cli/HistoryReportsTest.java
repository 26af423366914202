package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReportsTest {

    @TempDir
    Path state;

    @TempDir
    Path out;

    /** Today, for the commands: Wednesday 11 March 2026. */
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-11T12:00:00Z"));

    /**
     * Production: 1.0.0 promoted on Monday 2 March 3 h after its build, 1.1.0 on Tuesday 10 March 1 h after
     * its build and rolled back 2 h later (traffic back in 20 s); staging: 1.1.0 on 9 March.
     */
    @BeforeEach
    void writeRecords() {
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(state.resolve("history.jsonl"));
        store.append(record("p1", "production", "1.0.0", Instant.parse("2026-03-02T10:00:00Z"), 3, null));
        store.append(
                record("p2", "production", "1.1.0", Instant.parse("2026-03-10T10:00:00Z"), 1, Duration.ofHours(2)));
        store.append(record("s1", "staging", "1.1.0", Instant.parse("2026-03-09T10:00:00Z"), 1, null));
    }

    private static DeploymentRecord record(
            String id,
            String environment,
            String version,
            Instant promoted,
            int hoursFromBuild,
            Duration rollbackAfter) {
        Instant started = promoted.minus(Duration.ofMinutes(5));
        Instant triggered = rollbackAfter == null ? null : promoted.plus(rollbackAfter);
        Instant restored = triggered == null ? null : triggered.plusSeconds(20);
        return new DeploymentRecord(
                id,
                "shop",
                environment,
                version,
                "abcdef0123456789",
                "tag v" + version,
                "shop/main#1",
                "rolling",
                "alice",
                "sandbox",
                started,
                restored == null ? promoted : restored,
                triggered == null ? RecordStatus.SUCCEEDED : RecordStatus.ROLLED_BACK,
                triggered == null ? "completed" : "rolled back by alice: <errors>",
                List.of(new PhaseRecord(1, "promote", "promote candidate", started, promoted, "completed", "")),
                List.of(),
                List.of(),
                List.of(),
                triggered,
                restored,
                triggered == null ? null : Duration.between(triggered, restored),
                "alice",
                List.of(),
                promoted.minus(Duration.ofHours(hoursFromBuild)),
                null);
    }

    private Run history(String... args) {
        Host host = new Host(clock, TargetKinds::builtIn, Optional.empty(), "tester", Duration.ZERO);
        String[] all = new String[args.length + 3];
        all[0] = "history";
        all[1] = "--state-dir";
        all[2] = state.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Run.on(host, all);
    }

    @Test
    void shouldPrintTheDoraFiguresOfTheLastTwelveWeeks() {
        Run run = history("--dora", "--environment", "production");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // 12 ISO weeks up to Wednesday 11 March: from Monday 22 December 2025.
        assertThat(run.out())
                .contains(
                        "DORA figures from 2025-12-22 to 2026-03-11 (UTC), by week",
                        "production:",
                        "  lead time              median 1 h, p90 3 h (2 promotions, from the build date: no commit time"
                                + " recorded)",
                        "  change-failure rate    50.0 % (1 of 2 changes)",
                        "  time to restore        median 20 s, p90 20 s (1 restore)")
                .doesNotContain("staging:");
    }

    @Test
    void shouldGroupByDayInATimeZone() {
        Run run = history(
                "--dora", "--period", "day", "--from", "2026-03-09", "--to", "2026-03-10", "--zone", "Asia/Tokyo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("DORA figures from 2026-03-09 to 2026-03-10 (Asia/Tokyo), by day", "staging:")
                .containsPattern("  2026-03-10 +1  1 h +1 h +100.0 %");
    }

    @Test
    void shouldWriteTheHtmlReport() throws Exception {
        Path page = out.resolve("report.html");

        Run run = history("--html", page.toString(), "--from", "2026-03-01", "--to", "2026-03-11");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote the HTML report of 3 records to " + page);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html)
                .contains(
                        "data-environment=\"production\"", "data-environment=\"staging\"", "data-figure=\"lead-time\"")
                .contains("rolled back by alice: &lt;errors&gt;");
    }

    @Test
    void shouldNameTheBadOptionAndTheFix() {
        assertThat(history("--dora", "--zone", "Mars/Olympus").err())
                .contains("--zone 'Mars/Olympus' is not a time zone: give a region such as Europe/Berlin, or UTC");
        assertThat(history("--dora", "--from", "2 March").err())
                .contains("--from '2 March' is not a date: write it as YYYY-MM-DD");
        assertThat(history("--dora", "--period", "year").err())
                .contains("--period must be one of day, week, month, got 'year'");
        Run reversed = history("--dora", "--from", "2026-03-11", "--to", "2026-03-01");
        assertThat(reversed.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(reversed.err()).contains("give --from before --to");
    }
}
