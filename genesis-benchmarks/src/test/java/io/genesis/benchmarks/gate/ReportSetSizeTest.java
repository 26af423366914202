package io.genesis.benchmarks.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportSetSizeTest {

    @ParameterizedTest
    @CsvSource({"small, SMALL", "MEDIUM, MEDIUM", " Full , FULL"})
    void shouldFindSizesByName(String name, ReportSetSize expected) {
        assertThat(ReportSetSize.named(name)).isEqualTo(expected);
    }

    @Test
    void shouldListKnownSizesForAnUnknownName() {
        assertThatThrownBy(() -> ReportSetSize.named("huge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report set size 'huge'; known: small, medium, full");
    }

    @Test
    void shouldMakeTheFullSetTheGoalsFourHundredMegabytes() {
        ReportSetSize full = ReportSetSize.FULL;
        assertThat(full.surefireBytes() + full.jacocoBytes()).isEqualTo(400_000_000L);
        assertThat(ReportSetSize.SMALL.surefireBytes())
                .isBetween(full.surefireBytes() / 9 - 1, full.surefireBytes() / 9);
        assertThat(ReportSetSize.MEDIUM.surefireBytes() * 3).isEqualTo(full.surefireBytes());
    }
}
