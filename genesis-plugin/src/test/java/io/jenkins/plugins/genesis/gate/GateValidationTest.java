package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Environments;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateValidationTest {

    private static void assertProblem(Optional<String> problem, String expected) {
        if (expected == null) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains(expected));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "staging, ",
        "' production ', ",
        "'', Enter a value",
        "qa, unknown environment 'qa'; known: staging, production"
    })
    void shouldAcceptOnlyAConfiguredEnvironment(String value, String expected) {
        assertProblem(GateValidation.checkEnvironment(value, Environments.defaults()), expected);
    }

    @ParameterizedTest
    @CsvSource({
        "'', ",
        "0, ",
        "100, ",
        "98.5, ",
        "-0.01, minPassRate must be between 0 and 100",
        "100.01, minPassRate must be between 0 and 100",
        "98 %, is not a number"
    })
    void shouldAcceptAnEmptyOrAPercentageFromZeroToOneHundred(String value, String expected) {
        assertProblem(GateValidation.checkPercentage("minPassRate", value), expected);
    }

    @ParameterizedTest
    @CsvSource({
        "'', ",
        "0, ",
        "100, ",
        "-0.01, unstableMargin must be between 0 and 100 percentage points, got -0.01",
        "100.01, unstableMargin must be between 0 and 100 percentage points",
        "half, is not a number"
    })
    void shouldAcceptAnEmptyOrPointsFromZeroToOneHundred(String value, String expected) {
        assertProblem(GateValidation.checkPoints("unstableMargin", value), expected);
    }

    @ParameterizedTest
    @CsvSource({
        "'', ",
        "'target/surefire-reports/*.xml, **/TEST-*.xml', ",
        "/etc/passwd, is absolute",
        "../other/*.xml, contains '..'"
    })
    void shouldCheckPatternsAsTheEngineReadsThem(String value, String expected) {
        assertProblem(GateValidation.checkPatterns(value), expected);
    }

    @ParameterizedTest
    @CsvSource({
        "'', false, ",
        "INC-1, true, ",
        "'', true, force: true needs reason",
        "'  ', true, force: true needs reason",
        "INC-1, false, reason is only used with force: true"
    })
    void shouldWantAReasonExactlyWhenForced(String reason, boolean force, String expected) {
        assertProblem(GateValidation.checkReason(reason, force), expected);
    }

    @ParameterizedTest
    @CsvSource({"critical, ", "smoke-1.2, ", "'', Enter a value", "'no spaces', is not valid"})
    void shouldCheckSelectorNamesAsTheEngineDoes(String value, String expected) {
        assertProblem(GateValidation.checkSelectorName(value), expected);
    }

    @ParameterizedTest
    @CsvSource({"*Critical*, ", "com.example.SmokeTest, ", "'', Enter a value", "'   ', Enter a value"})
    void shouldWantASelectorPattern(String value, String expected) {
        assertProblem(GateValidation.checkSelectorPattern(value), expected);
    }
}
