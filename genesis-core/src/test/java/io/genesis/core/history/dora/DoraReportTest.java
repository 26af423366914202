package io.genesis.core.history.dora;

import static io.genesis.core.history.dora.DoraRecords.rollout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Two weeks of production and one staging rollout, played on a simulated clock; every expectation
 * below is computed by hand in the comments.
 */
class DoraReportTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DoraRange TWO_WEEKS =
            new DoraRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15), BERLIN, DoraPeriod.WEEK);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final List<DeploymentRecord> records = new ArrayList<>();

    private Instant at(String hoursFromStart) {
        return clock.advanceTo(Instant.parse("2026-03-02T08:00:00Z").plus(Duration.parse(hoursFromStart)));
    }

    private void twoWeeks() {
        // Week 1 (Mon 2 to Sun 8 March).
        Instant built1 = at("PT0H");
        records.add(rollout("r1", "production")
                .committed(Instant.parse("2026-03-02T07:00:00Z")) // an hour before its build
                .built(built1)
                .promoted(at("PT2H"))
                .record()); // lead 3 h from the commit (the build date is not used)
        Instant built2 = at("PT24H");
        Instant promoted2 = at("PT30H"); // no commit time: lead 6 h from the build
        records.add(rollout("r2", "production")
                .built(built2)
                .promoted(promoted2)
                .rolledBack(at("PT36H"), at("PT36H0M40S")) // 6 h after promotion, within 48 h: failed, 40 s
                .record());
        records.add(rollout("r3", "production").promoted(at("PT49H")).record()); // neither: lead unknown
        Instant built4 = at("PT72H");
        records.add(rollout("r4", "production")
                .built(built4)
                .ended(at("PT75H59M"), RecordStatus.ROLLED_BACK, "")
                .rolledBack(at("PT75H59M"), at("PT75H59M30S")) // never promoted: failed, 30 s
                .record());
        records.add(rollout("r5", "production")
                .ended(at("PT96H"), RecordStatus.ABORTED, "approval refused")
                .record()); // never touched the target: nothing
        // Week 2 (Mon 9 to Sun 15 March).
        Instant committed6 = at("PT158H");
        Instant built6 = at("PT160H"); // 9 March 00:00 UTC
        records.add(rollout("r6", "production")
                .committed(committed6)
                .built(built6)
                .promoted(at("PT184H"))
                .record()); // lead 26 h from the commit
        Instant built7 = at("PT218H");
        Instant promoted7 = at("PT220H");
        records.add(rollout("r7", "production")
                // A commit time after the promotion (clocks that disagree) is not used: lead 2 h from the build.
                .committed(promoted7.plus(Duration.ofHours(1)))
                .built(built7)
                .promoted(promoted7)
                .rolledBack(at("PT292H"), at("PT292H1M")) // 72 h after promotion: outside 48 h
                .record());
        records.add(rollout("r8", "production")
                .built(at("PT240H"))
                .ended(at("PT241H"), RecordStatus.FAILED, "rollback failed: traffic not restored")
                .record()); // failed, no restore
        // 2026-03-15T23:30Z is Monday 16 March 00:30 in Berlin: outside the range.
        records.add(rollout("late", "production")
                .built(Instant.parse("2026-03-15T20:00:00Z"))
                .promoted(clock.advanceTo(Instant.parse("2026-03-15T23:30:00Z")))
                .record());
        records.add(rollout("s1", "staging")
                .built(Instant.parse("2026-03-02T09:00:00Z"))
                .promoted(Instant.parse("2026-03-02T10:00:00Z"))
                .record());
    }

    @Test
    void shouldComputeTheFiguresOfTheWholeRange() {
        twoWeeks();

        DoraReport report = DoraReport.of(records, TWO_WEEKS, FailureWindows.defaults());

        assertThat(report.environments())
                .extracting(DoraReport.EnvironmentFigures::environment)
                .containsExactly("production", "staging");
        DoraFigures production = report.environments().get(0).total();
        SoftAssertions.assertSoftly(soft -> {
            // r1 r2 r3 r6 r7 were promoted in the range; "late" is on the 16th in Berlin.
            soft.assertThat(production.deployments()).isEqualTo(5);
            soft.assertThat(production.deploymentsPerDay()).isCloseTo(5 / 14.0, within(1e-9));
            // lead times r1 3 h (commit), r2 6 h (build), r6 26 h (commit), r7 2 h (build) -> sorted 2 3 6 26:
            // median rank 2 = 3 h, p90 rank 4 = 26 h; r3 knows neither start.
            soft.assertThat(production.leadTime().count()).isEqualTo(4);
            soft.assertThat(production.leadTime().median()).isEqualTo(Duration.ofHours(3));
            soft.assertThat(production.leadTime().p90()).isEqualTo(Duration.ofHours(26));
            soft.assertThat(production.leadFromCommit()).isEqualTo(2);
            soft.assertThat(production.leadFromBuild()).isEqualTo(2);
            soft.assertThat(production.leadTimeUnknown()).isEqualTo(1);
            // changes: all but the aborted r5 = 7; failed: r2, r4, r8 (r7 rolled back after 72 h).
            soft.assertThat(production.changes()).isEqualTo(7);
            soft.assertThat(production.failures()).isEqualTo(3);
            soft.assertThat(production.changeFailureRate().getAsDouble()).isCloseTo(3 / 7.0, within(1e-9));
            // restores 40 s and 30 s: median rank 1 = 30 s, p90 rank 2 = 40 s; r8 never restored.
            soft.assertThat(production.timeToRestore().median()).isEqualTo(Duration.ofSeconds(30));
            soft.assertThat(production.timeToRestore().p90()).isEqualTo(Duration.ofSeconds(40));
            soft.assertThat(production.notRestored()).isEqualTo(1);
        });
    }

    @Test
    void shouldComputeTheFiguresOfEachWeek() {
        twoWeeks();

        List<DoraFigures> weeks = DoraReport.of(records, TWO_WEEKS, FailureWindows.defaults())
                .environments()
                .get(0)
                .periods();

        assertThat(weeks).hasSize(2);
        DoraFigures first = weeks.get(0);
        DoraFigures second = weeks.get(1);
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(first.span().first()).isEqualTo(LocalDate.of(2026, 3, 2));
            soft.assertThat(first.deployments()).isEqualTo(3); // r1 r2 r3
            soft.assertThat(first.leadTime().median()).isEqualTo(Duration.ofHours(3)); // 3 6
            soft.assertThat(first.leadTime().p90()).isEqualTo(Duration.ofHours(6));
            soft.assertThat(first.leadFromCommit()).isEqualTo(1); // r1
            soft.assertThat(first.leadFromBuild()).isEqualTo(1); // r2
            soft.assertThat(first.changes()).isEqualTo(4); // r1 r2 r3 r4
            soft.assertThat(first.failures()).isEqualTo(2); // r2 r4
            soft.assertThat(first.timeToRestore().count()).isEqualTo(2);
            soft.assertThat(second.deployments()).isEqualTo(2); // r6 r7
            soft.assertThat(second.leadTime().median()).isEqualTo(Duration.ofHours(2)); // 2 26
            soft.assertThat(second.leadTime().p90()).isEqualTo(Duration.ofHours(26));
            soft.assertThat(second.changes()).isEqualTo(3); // r6 r7 r8
            soft.assertThat(second.failures()).isEqualTo(1); // r8
            soft.assertThat(second.timeToRestore().count()).isZero();
            soft.assertThat(second.notRestored()).isEqualTo(1);
        });
    }

    @Test
    void shouldCountALaterRollbackWithinTheEnvironmentsWatchWindow() {
        twoWeeks();

        DoraFigures production = DoraReport.of(
                        records, TWO_WEEKS, FailureWindows.of(Map.of("production", Duration.ofHours(96))))
                .environments()
                .get(0)
                .total();

        // With a 96 h watch, r7's rollback 72 h after promotion is a failure too: 4 of 7, restored in 1 min.
        assertThat(production.failures()).isEqualTo(4);
        assertThat(production.timeToRestore().p90()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldCountEveryLaterRollbackWhereNothingIsWatched() {
        Instant promoted = Instant.parse("2026-03-03T10:00:00Z");
        records.add(rollout("st", "staging")
                .promoted(promoted)
                .rolledBack(
                        promoted.plus(Duration.ofDays(5)),
                        promoted.plus(Duration.ofDays(5)).plusSeconds(9))
                .record());

        DoraFigures staging = DoraReport.of(records, TWO_WEEKS, FailureWindows.defaults())
                .environments()
                .get(0)
                .total();

        assertThat(staging.deployments()).isEqualTo(1);
        assertThat(staging.failures()).isEqualTo(1);
        assertThat(staging.timeToRestore().median()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void shouldDateByTheRangesTimeZone() {
        twoWeeks();
        DoraRange utc = new DoraRange(TWO_WEEKS.from(), TWO_WEEKS.to(), ZoneOffset.UTC, DoraPeriod.WEEK);

        DoraFigures production = DoraReport.of(records, utc, FailureWindows.defaults())
                .environments()
                .get(0)
                .total();

        // In UTC "late" (23:30 on the 15th) falls inside the range.
        assertThat(production.deployments()).isEqualTo(6);
    }

    @Test
    void shouldHaveNoRateWithoutChanges() {
        DoraReport report = DoraReport.of(List.of(), TWO_WEEKS, FailureWindows.defaults());

        assertThat(report.environments()).isEmpty();
        assertThat(DoraText.lines(report)).contains("no records");
    }

    @Test
    void shouldWriteTheFiguresAsText() {
        twoWeeks();

        List<String> lines = DoraText.lines(DoraReport.of(records, TWO_WEEKS, FailureWindows.defaults()));

        assertThat(lines)
                .contains(
                        "DORA figures from 2026-03-02 to 2026-03-15 (Europe/Berlin), by week",
                        "production:",
                        "  deployment frequency   5 (0.36 a day)",
                        "  lead time              median 3 h, p90 26 h (4 promotions: 2 from the commit, 2 from the"
                                + " build date); 1 without a commit time or build date, left out",
                        "  change-failure rate    42.9 % (3 of 7 changes)",
                        "  time to restore        median 30 s, p90 40 s (2 restores); 1 failure(s) without a"
                                + " restore");
        assertThat(lines).anyMatch(line -> line.matches("  2026-03-09 +2  2 h +26 h +33.3 % +-"));
    }

    @Test
    void shouldMeasureFromTheCommitWhereTheRecordKnowsIt() {
        Instant promoted = Instant.parse("2026-03-03T10:00:00Z");
        records.add(rollout("c1", "staging")
                .committed(java.time.OffsetDateTime.parse("2026-03-03T08:15:00+01:00")
                        .toInstant()) // 07:15Z: 2 h 45 min before
                .built(promoted.minus(Duration.ofHours(1)))
                .promoted(promoted)
                .record());
        records.add(rollout("c2", "staging")
                .committed(promoted.minus(Duration.ofMinutes(30)))
                .promoted(promoted.plus(Duration.ofHours(1)))
                .record()); // 1 h 30 min, without a build date

        DoraFigures staging = DoraReport.of(records, TWO_WEEKS, FailureWindows.defaults())
                .environments()
                .get(0)
                .total();

        // sorted 1 h 30 min, 2 h 45 min: median rank 1, p90 rank 2.
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(staging.leadTime().median()).isEqualTo(Duration.ofMinutes(90));
            soft.assertThat(staging.leadTime().p90()).isEqualTo(Duration.ofMinutes(165));
            soft.assertThat(staging.leadFromCommit()).isEqualTo(2);
            soft.assertThat(staging.leadFromBuild()).isZero();
            soft.assertThat(DoraText.leadTime(staging))
                    .isEqualTo("median 1 h 30 min, p90 2 h 45 min (2 promotions, from the commit)");
        });
    }

    @Test
    void shouldSayWhenEveryLeadTimeStartsAtTheBuild() {
        Instant promoted = Instant.parse("2026-03-03T10:00:00Z");
        records.add(rollout("b1", "staging")
                .built(promoted.minus(Duration.ofMinutes(40)))
                .promoted(promoted)
                .record());
        records.add(rollout("b2", "staging")
                .built(promoted.plus(Duration.ofHours(1))) // built after the promotion: clocks disagree
                .promoted(promoted.plus(Duration.ofMinutes(30)))
                .record());

        DoraFigures staging = DoraReport.of(records, TWO_WEEKS, FailureWindows.defaults())
                .environments()
                .get(0)
                .total();

        assertThat(DoraText.leadTime(staging))
                .isEqualTo("median 40 min, p90 40 min (1 promotion, from the build date: no commit time recorded); 1"
                        + " without a commit time or build date, left out");
    }
}
