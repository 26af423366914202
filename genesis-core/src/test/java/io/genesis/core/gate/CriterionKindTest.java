package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CriterionKindTest {

    @ParameterizedTest
    @CsvSource({
        "reports, REPORTS, false",
        "tests, TESTS, false",
        "passRate, PASS_RATE, true",
        "coverage, COVERAGE, true",
        "coverageDrop, COVERAGE_DROP, true",
        "required, REQUIRED, true"
    })
    void shouldKnowItsKeyAndWhetherItsCriticalityMayBeSet(String key, CriterionKind kind, boolean configurable) {
        assertThat(CriterionKind.parse(key)).isEqualTo(kind);
        assertThat(kind.key()).isEqualTo(key);
        assertThat(kind.configurable()).isEqualTo(configurable);
    }

    @ParameterizedTest
    @EnumSource(CriterionKind.class)
    void shouldReadBackEveryKey(CriterionKind kind) {
        assertThat(CriterionKind.parse(kind.key())).isEqualTo(kind);
    }

    @Test
    void shouldNameAnUnknownKindAndTheKnownOnes() {
        assertThatThrownBy(() -> CriterionKind.parse("pass-rate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown gate criterion 'pass-rate'; known criteria: reports, tests, passRate, coverage,"
                        + " coverageDrop, required, findings, benchmarks");
    }
}
