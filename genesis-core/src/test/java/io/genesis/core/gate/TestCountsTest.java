package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestCountsTest {

    @ParameterizedTest
    @CsvSource({
        // passed, failed, errors, skipped, pass rate
        "27, 2, 1, 2, 90.0",
        "1, 0, 0, 100, 100.0",
        "0, 1, 0, 0, 0.0",
        "97, 2, 1, 0, 97.0"
    })
    void shouldExcludeSkippedTestsFromThePassRate(long passed, long failed, long errors, long skipped, double rate) {
        TestCounts counts = TestCounts.of(passed, failed, errors, skipped, 0);

        assertThat(counts.passRate()).contains(new Percentage(rate));
        assertThat(counts.total()).isEqualTo(passed + failed + errors + skipped);
        assertThat(counts.executed()).isEqualTo(passed + failed + errors);
    }

    @Test
    void shouldHaveNoPassRateWhenNothingRan() {
        assertThat(TestCounts.NONE.passRate()).isEmpty();
        assertThat(TestCounts.of(0, 0, 0, 5, 0).passRate()).isEmpty();
    }

    @Test
    void shouldAddUp() {
        assertThat(TestCounts.of(1, 2, 3, 4, 1).plus(TestCounts.of(10, 20, 30, 40, 5)))
                .isEqualTo(new TestCounts(110, 11, 22, 33, 44, 6));
    }

    @ParameterizedTest
    @CsvSource({
        "-1, 0, 0, 0, 0, 0, total must not be negative",
        "1, -1, 1, 1, 0, 0, passed must not be negative",
        "0, 0, -1, 1, 0, 0, failed must not be negative",
        "0, 0, 1, -1, 0, 0, errors must not be negative",
        "0, 0, 1, 0, -1, 0, skipped must not be negative",
        "0, 0, 0, 0, 0, -1, flaky must not be negative",
        "5, 1, 1, 1, 1, 0, do not add up",
        "1, 1, 0, 0, 0, 2, cannot exceed passed"
    })
    void shouldRejectCountsThatCannotBe(
            long total, long passed, long failed, long errors, long skipped, long flaky, String expected) {
        assertThatThrownBy(() -> new TestCounts(total, passed, failed, errors, skipped, flaky))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }
}
