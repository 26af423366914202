package io.genesis.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestOutcomeTest {

    @ParameterizedTest
    @CsvSource({"100, SUCCESS", "200, SUCCESS", "404, SUCCESS", "499, SUCCESS", "500, SERVER_ERROR", "599, SERVER_ERROR"
    })
    void shouldClassifyStatuses(int status, RequestOutcome expected) {
        assertThat(RequestOutcome.ofStatus(status)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 600})
    void shouldRejectImpossibleStatuses(int status) {
        assertThatThrownBy(() -> RequestOutcome.ofStatus(status)).hasMessageContaining("between 100 and 599");
    }

    @ParameterizedTest
    @CsvSource({
        "SUCCESS, true, false",
        "SERVER_ERROR, true, true",
        "UPSTREAM_FAILURE, true, true",
        "NO_ROUTE, true, true",
        "CLIENT_ABORTED, false, false"
    })
    void shouldKnowWhatCountsAndWhatIsAnError(RequestOutcome outcome, boolean counted, boolean error) {
        assertThat(outcome.isCounted()).isEqualTo(counted);
        assertThat(outcome.isError()).isEqualTo(error);
    }
}
