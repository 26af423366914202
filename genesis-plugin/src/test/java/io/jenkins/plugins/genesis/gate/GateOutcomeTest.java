package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateOutcomeTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "PASSED, null, PASSED, NONE, false",
                "PASSED, NOTE, PASSED, NONE, false",
                "UNSTABLE, UNSTABLE, UNSTABLE, UNSTABLE, false",
                "FAILED, FAILURE, FAILURE, FAILURE, false",
                "FAILED, ERROR, ERROR, NONE, true",
                "FAILED, null, ERROR, NONE, true",
                "OVERRIDDEN, ERROR, OVERRIDDEN, NONE, false",
                "OVERRIDDEN, FAILURE, OVERRIDDEN, NONE, false"
            })
    void shouldMapEachVerdictAndConsequenceToWhatHappensToTheBuild(
            String verdict, String consequence, GateOutcome expected, GateOutcome.Mark mark, boolean failsTheStep) {
        // when
        GateOutcome outcome = GateOutcome.of(verdict, consequence);

        // then
        assertThat(outcome).isEqualTo(expected);
        assertThat(outcome.mark()).isEqualTo(mark);
        assertThat(outcome.failsTheStep()).isEqualTo(failsTheStep);
    }

    @Test
    void shouldRefuseAnUnknownVerdict() {
        assertThatThrownBy(() -> GateOutcome.of("MAYBE", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAYBE")
                .hasMessageContaining("PASSED, UNSTABLE, FAILED, OVERRIDDEN");
    }
}
