package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.Verdict;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateOutcomeTest {

    @ParameterizedTest
    @CsvSource({"PASSED, false, false", "UNSTABLE, true, false", "FAILED, false, true", "OVERRIDDEN, false, false"})
    void shouldMapEachVerdictToWhatHappensToTheBuild(String verdict, boolean marksUnstable, boolean failsTheStep) {
        // when
        GateOutcome outcome = GateOutcome.of(verdict);

        // then
        assertThat(outcome.marksUnstable()).isEqualTo(marksUnstable);
        assertThat(outcome.failsTheStep()).isEqualTo(failsTheStep);
    }

    @Test
    void shouldKnowEveryVerdictOfTheEngine() {
        assertThat(Arrays.stream(GateOutcome.values()).map(Enum::name))
                .containsExactlyElementsOf(
                        Arrays.stream(Verdict.values()).map(Enum::name).toList());
    }

    @Test
    void shouldRefuseAnUnknownVerdict() {
        assertThatThrownBy(() -> GateOutcome.of("MAYBE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAYBE")
                .hasMessageContaining("PASSED, UNSTABLE, FAILED, OVERRIDDEN");
    }
}
