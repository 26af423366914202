package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentageTest {

    @ParameterizedTest
    @CsvSource({"0, true", "100, true", "-0.0001, false", "100.0001, false", "NaN, false", "Infinity, false"})
    void shouldAcceptOnlyZeroToHundred(double value, boolean valid) {
        if (valid) {
            assertThat(new Percentage(value).value()).isEqualTo(value);
            assertThat(Percentage.of("minPassRate", value).value()).isEqualTo(value);
        } else {
            assertThatThrownBy(() -> new Percentage(value))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("between 0 and 100");
            assertThatThrownBy(() -> Percentage.of("minPassRate", value))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("minPassRate must be between 0 and 100, got " + value);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"98|98.0", "98.5 %|98.5", " 85% |85.0", "0|0.0", "100|100.0"})
    void shouldParseWhatPeopleWrite(String text, double expected) {
        assertThat(Percentage.parse("minCoverage", text)).isEqualTo(new Percentage(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"abc|must be a number between 0 and 100", "''|must be a number", "101|must be between 0 and 100"})
    void shouldNameTheFieldWhenTextIsNoPercentage(String text, String expected) {
        assertThatThrownBy(() -> Percentage.parse("minCoverage", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("minCoverage")
                .hasMessageContaining(expected);
        assertThatThrownBy(() -> Percentage.parse("minCoverage", null)).hasMessageContaining("got 'null'");
    }

    @ParameterizedTest
    @CsvSource({"1, 2, 50.0", "0, 5, 0.0", "5, 5, 100.0", "2, 3, 66.66666666666667"})
    void shouldTakeARatio(long part, long whole, double expected) {
        assertThat(Percentage.ratio(part, whole).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "-1, 5", "6, 5", "0, -1"})
    void shouldRefuseImpossibleRatios(long part, long whole) {
        assertThatThrownBy(() -> Percentage.ratio(part, whole))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot take " + part + " of " + whole + " as a percentage");
    }

    @Test
    void shouldCompareAndPrintWithTwoDecimals() {
        assertThat(new Percentage(97.1)).hasToString("97.10 %");
        assertThat(new Percentage(97.1).isBelow(new Percentage(98))).isTrue();
        assertThat(new Percentage(98).isBelow(new Percentage(98))).isFalse();
        assertThat(new Percentage(98)).isEqualByComparingTo(new Percentage(98.0));
        assertThat(Percentage.ZERO).isLessThan(Percentage.HUNDRED);
    }

    @Test
    void shouldTreatNegativeZeroAsZero() {
        assertThat(new Percentage(-0.0)).isEqualTo(Percentage.ZERO).hasToString("0.00 %");
        assertThat(new Percentage(-0.0).hashCode()).isEqualTo(Percentage.ZERO.hashCode());
    }
}
