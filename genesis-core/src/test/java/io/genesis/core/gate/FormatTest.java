package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "999, 999", "1234, 1 234", "1234567, 1 234 567"})
    void shouldGroupThousandsWithASpace(long value, String expected) {
        assertThat(Format.count(value)).isEqualTo(expected);
    }

    @Test
    void shouldPluralise() {
        assertThat(Format.count(1, "error", "errors")).isEqualTo("1 error");
        assertThat(Format.count(2, "error", "errors")).isEqualTo("2 errors");
    }

    @ParameterizedTest
    @CsvSource({
        "97.1, 98.0, 97.10 %, 98.00 %",
        "97.996, 98.0, 97.996 %, 98.000 %",
        "97.99999, 98.0, 97.999 %, 98.000 %",
        "97.99991, 97.99995, 97.99991 %, 97.99995 %",
        "98.0, 98.0, 98.00 %, 98.00 %",
        "98.004, 98.0, 98.004 %, 98.000 %"
    })
    void shouldNeverShowAMissedBarAsReached(double measured, double bar, String shownMeasured, String shownBar) {
        assertThat(Format.percents(measured, bar)).containsExactly(shownMeasured, shownBar);
    }

    @Test
    void shouldShowPercentsAndPoints() {
        assertThat(Format.percent(84.14634)).isEqualTo("84.15 %");
        assertThat(Format.points(1)).isEqualTo("1.00");
    }
}
