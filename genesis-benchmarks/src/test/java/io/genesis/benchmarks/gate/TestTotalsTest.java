package io.genesis.benchmarks.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestTotalsTest {

    @Test
    void shouldDerivePassedFromTheOtherOutcomes() {
        // when
        TestTotals totals = TestTotals.of(32, 2, 1, 2, 1);

        // then
        assertThat(totals).isEqualTo(new TestTotals(32, 27, 2, 1, 2, 1));
        assertThat(totals.plus(totals)).isEqualTo(new TestTotals(64, 54, 4, 2, 4, 2));
    }

    @ParameterizedTest
    @CsvSource({
        "10, 7, 1, 1, 1, 0, true",
        "10, 7, 1, 1, 0, 0, false",
        "10, 8, 1, 1, 0, 8, true",
        "10, 8, 1, 1, 0, 9, false",
        "0, 0, 0, 0, 0, 0, true",
        "-1, -1, 0, 0, 0, 0, false"
    })
    void shouldAcceptOnlyCountsThatAddUp(
            long total, long passed, long failed, long errors, long skipped, long flaky, boolean valid) {
        if (valid) {
            assertThat(new TestTotals(total, passed, failed, errors, skipped, flaky).total())
                    .isEqualTo(total);
        } else {
            assertThatThrownBy(() -> new TestTotals(total, passed, failed, errors, skipped, flaky))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("total=" + total);
        }
    }
}
