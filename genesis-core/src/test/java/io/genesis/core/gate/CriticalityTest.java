package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriticalityTest {

    @ParameterizedTest
    @CsvSource({
        // criticality, verdict, stops the pipeline
        "NOTE, PASSED, false",
        "UNSTABLE, UNSTABLE, false",
        "FAILURE, FAILED, false",
        "ERROR, FAILED, true"
    })
    void shouldMapEachCriticalityToAVerdict(Criticality criticality, Verdict verdict, boolean stops) {
        assertThat(criticality.verdict()).isEqualTo(verdict);
        assertThat(criticality.stopsPipeline()).isEqualTo(stops);
    }

    @ParameterizedTest
    @CsvSource({
        "NOTE, NOTE, false",
        "UNSTABLE, NOTE, true",
        "NOTE, UNSTABLE, false",
        "FAILURE, UNSTABLE, true",
        "ERROR, FAILURE, true",
        "FAILURE, ERROR, false",
        "ERROR, ERROR, false"
    })
    void shouldOrderBySeverity(Criticality one, Criticality other, boolean stricter) {
        assertThat(one.isStricterThan(other)).isEqualTo(stricter);
        assertThat(one.worst(other)).isEqualTo(stricter ? one : other);
    }

    @ParameterizedTest
    @CsvSource({"note, NOTE", "Unstable, UNSTABLE", "FAILURE, FAILURE", "' error ', ERROR"})
    void shouldParseInAnyCase(String text, Criticality expected) {
        assertThat(Criticality.parse("criticality.passRate", text)).isEqualTo(expected);
        assertThat(expected.key()).isEqualTo(expected.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void shouldNameTheFieldTheValueAndTheKnownValues() {
        assertThatThrownBy(() -> Criticality.parse("criticality.passRate", "fatal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("criticality.passRate must be one of note, unstable, failure, error, got 'fatal'");
        assertThatThrownBy(() -> Criticality.parse("criticality.coverage", null))
                .hasMessage("criticality.coverage must be one of note, unstable, failure, error, got 'null'");
    }
}
