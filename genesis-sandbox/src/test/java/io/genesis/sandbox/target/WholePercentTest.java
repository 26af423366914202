package io.genesis.sandbox.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WholePercentTest {

    @ParameterizedTest(name = "{0} % becomes {1} %")
    @CsvSource({
        "0, 0",
        "0.01, 1",
        "0.5, 1",
        "1.49, 1",
        "1.5, 2",
        "25, 25",
        "33.33, 33",
        "66.66, 67",
        "98.5, 99",
        "99.49, 99",
        "99.5, 99",
        "99.99, 99",
        "100, 100"
    })
    void shouldRoundToTheNearestWholePercentKeepingPartialSharesPartial(double share, int expected) {
        assertThat(WholePercent.of(new Percentage(share))).isEqualTo(expected);
    }

    @Test
    void shouldRejectAMissingShare() {
        assertThatThrownBy(() -> WholePercent.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("share");
    }
}
