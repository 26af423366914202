package io.genesis.core.history.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DoraRangeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void shouldClipWeeksToTheRange() {
        // Wednesday 2026-03-04 to Tuesday 2026-03-17: three ISO weeks, the first and last cut.
        DoraRange range = new DoraRange(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 17), BERLIN, DoraPeriod.WEEK);

        assertThat(range.spans())
                .containsExactly(
                        new DoraRange.Span(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 8)),
                        new DoraRange.Span(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 15)),
                        new DoraRange.Span(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 17)));
        assertThat(range.spans()).extracting(DoraRange.Span::days).containsExactly(5L, 7L, 2L);
    }

    @Test
    void shouldGroupByCalendarMonth() {
        DoraRange range = new DoraRange(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 31), BERLIN, DoraPeriod.MONTH);

        assertThat(range.spans()).extracting(DoraRange.Span::days).containsExactly(17L, 28L, 31L);
    }

    @Test
    void shouldCountDaysInTheRangesTimeZone() {
        DoraRange range = new DoraRange(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29), BERLIN, DoraPeriod.DAY);
        // 23:30 UTC on the 28th is 00:30 on the 29th in Berlin (CET, UTC+1)...
        assertThat(range.spanOf(Instant.parse("2026-03-28T23:30:00Z")))
                .contains(new DoraRange.Span(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29)));
        // ...and the 29th, a 23-hour day (DST starts), ends at 22:00 UTC (midnight CEST, UTC+2).
        assertThat(range.spanOf(Instant.parse("2026-03-29T21:59:59Z"))).isPresent();
        assertThat(range.spanOf(Instant.parse("2026-03-29T22:00:00Z"))).isEmpty();
        assertThat(range.spanOf(Instant.parse("2026-03-27T22:59:59Z"))).isEmpty();
    }

    @Test
    void shouldEndOnTodayWithTheAskedNumberOfPeriods() {
        DoraRange range = DoraRange.ending(LocalDate.of(2026, 3, 18), ZoneOffset.UTC, DoraPeriod.WEEK, 3);

        assertThat(range.from()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(range.spans()).hasSize(3);
    }

    @Test
    void shouldRefuseARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(
                        () -> new DoraRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1), BERLIN, DoraPeriod.DAY))
                .hasMessageContaining("ends (2026-03-01) before it starts (2026-03-02)")
                .hasMessageContaining("--from before --to");
    }

    @Test
    void shouldRefuseTooManyPeriods() {
        assertThatThrownBy(() -> new DoraRange(
                        LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1), ZoneOffset.UTC, DoraPeriod.DAY))
                .hasMessageContaining("more than 400 days")
                .hasMessageContaining("longer period");
    }

    @Test
    void shouldNameThePeriodsWhenOneIsUnknown() {
        assertThat(DoraPeriod.parse("--period", " Week ")).isEqualTo(DoraPeriod.WEEK);
        assertThatThrownBy(() -> DoraPeriod.parse("--period", "fortnight"))
                .hasMessage("--period must be one of day, week, month, got 'fortnight'");
    }
}
