package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriterionTest {

    private static Criterion criterion(Criticality criticality, CriterionStatus status) {
        return Criterion.of("passRate", CriterionKind.PASS_RATE, criticality, status, "line");
    }

    @ParameterizedTest
    @CsvSource({
        // criticality, status, effect (empty: none)
        "NOTE, PASSED, ",
        "ERROR, PASSED, ",
        "NOTE, UNSTABLE, NOTE",
        "UNSTABLE, UNSTABLE, UNSTABLE",
        "FAILURE, UNSTABLE, UNSTABLE",
        "ERROR, UNSTABLE, UNSTABLE",
        "NOTE, FAILED, NOTE",
        "UNSTABLE, FAILED, UNSTABLE",
        "FAILURE, FAILED, FAILURE",
        "ERROR, FAILED, ERROR"
    })
    void shouldHaveTheEffectOfItsCriticalityAtMostUnstableWithinTheMargin(
            Criticality criticality, CriterionStatus status, Criticality effect) {
        assertThat(criterion(criticality, status).effect()).isEqualTo(Optional.ofNullable(effect));
    }

    @ParameterizedTest
    @CsvSource({
        // criticality of a failed criterion beside a passed one, verdict
        "NOTE, PASSED",
        "UNSTABLE, UNSTABLE",
        "FAILURE, FAILED",
        "ERROR, FAILED"
    })
    void shouldGiveTheVerdictOfTheWorstEffect(Criticality criticality, Verdict verdict) {
        List<Criterion> criteria = List.of(
                criterion(Criticality.ERROR, CriterionStatus.PASSED), criterion(criticality, CriterionStatus.FAILED));

        assertThat(Verdict.of(criteria)).isEqualTo(verdict);
        assertThat(Criterion.worstEffect(criteria)).contains(criticality);
    }

    @Test
    void shouldTakeTheWorstOfSeveralEffects() {
        List<Criterion> criteria = List.of(
                criterion(Criticality.NOTE, CriterionStatus.FAILED),
                criterion(Criticality.FAILURE, CriterionStatus.FAILED),
                criterion(Criticality.ERROR, CriterionStatus.UNSTABLE));

        assertThat(Criterion.worstEffect(criteria)).contains(Criticality.FAILURE);
        assertThat(Criterion.worstEffect(List.of(criterion(Criticality.ERROR, CriterionStatus.PASSED))))
                .isEmpty();
    }

    @Test
    void shouldKeepInputProblemsErrors() {
        assertThatThrownBy(() ->
                        Criterion.of("reports", CriterionKind.REPORTS, Criticality.NOTE, CriterionStatus.FAILED, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input problem");
    }
}
