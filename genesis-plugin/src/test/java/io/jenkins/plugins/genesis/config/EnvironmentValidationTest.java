package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentValidationTest {

    @ParameterizedTest
    @CsvSource({
        "0, ",
        "100, ",
        "98.5, ",
        "' 85 ', ",
        "-0.01, between 0 and 100",
        "100.01, between 0 and 100",
        "NaN, between 0 and 100",
        "98 %, is not a number",
        "lots, is not a number"
    })
    void shouldAcceptPercentagesFromZeroToOneHundredOnly(String value, String expectedProblem) {
        // when
        Optional<String> problem = EnvironmentValidation.checkPercentage(PolicyKey.MIN_PASS_RATE, value);

        // then
        if (expectedProblem == null) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains(expectedProblem));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'', ",
        "0, ",
        "' 48 ', ",
        "720, ",
        "721, must be from 0 to 720 hours",
        "-1, must be from 0 to 720 hours",
        "1.5, is not a whole number of hours",
        "two days, is not a whole number of hours"
    })
    void shouldAcceptWatchHoursFromNoneToTheLongestWindow(String value, String expectedProblem) {
        // when
        Optional<String> problem = EnvironmentValidation.checkWatchHours(value);

        // then
        if (expectedProblem == null) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains(expectedProblem));
        }
    }

    @ParameterizedTest
    @CsvSource({"'', ", "0, ", "90, ", "-5, must not be negative", "1h, is not a whole number of minutes"})
    void shouldAcceptSoakMinutesOfZeroOrMore(String value, String expectedProblem) {
        // when
        Optional<String> problem = EnvironmentValidation.checkMinSoak(value);

        // then
        if (expectedProblem == null) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains(expectedProblem));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "production, '', ",
        "production, 'staging, qa', ",
        "production, 'staging qa', ",
        "'', staging, ",
        "production, 'staging, staging', names an environment twice",
        "production, 'Staging', environment name 'Staging' is not valid",
        "production, 'staging, production', requires itself in requiresPassed"
    })
    void shouldAcceptAPromotionPathOfOtherValidNames(String name, String value, String expectedProblem) {
        // when
        Optional<String> problem = EnvironmentValidation.checkRequiresPassed(name, value);

        // then
        if (expectedProblem == null) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains(expectedProblem));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'', ",
        "0, ",
        "' 12 ', ",
        "-1, must not be negative",
        "1.5, is not a whole number of findings",
        "none, is not a whole number of findings"
    })
    void shouldAcceptFindingsBoundsOfZeroOrMoreOrNone(String value, String expectedProblem) {
        // when
        Optional<String> problem = EnvironmentValidation.checkFindingsBound("high", value);

        // then
        if (expectedProblem == null) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains(expectedProblem));
        }
    }

    @Test
    void shouldNameTheFieldInTheEnginesRangeMessage() {
        // when
        Optional<String> problem = EnvironmentValidation.checkPercentage(PolicyKey.MIN_COVERAGE, "120");

        // then
        assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains("minCoverage", "120"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void shouldRequireAValueInEveryCheckedField(String value) {
        // given
        String required = Messages.VALUE_REQUIRED.format();

        // when / then
        assertThat(EnvironmentValidation.checkName(value)).contains(required);
        assertThat(EnvironmentValidation.checkPercentage(PolicyKey.MIN_PASS_RATE, value))
                .contains(required);
        assertThat(EnvironmentValidation.checkWaitTimer(value)).isEmpty();
        assertThat(EnvironmentValidation.checkPoints(PolicyKey.MAX_COVERAGE_DROP, value))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "staging, ",
        "eu-production, ",
        "' qa ', ",
        "Production, lower-case",
        "-staging, lower-case",
        "release/1, lower-case"
    })
    void shouldCheckNamesAsTheEngineDoes(String value, String expectedProblem) {
        // when
        Optional<String> problem = EnvironmentValidation.checkName(value);

        // then
        if (expectedProblem == null) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains(value, expectedProblem));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0, ",
        "5, ",
        "1439, ",
        "1440, shorter than its timeout",
        "-1, must not be negative",
        "2.5, is not a whole number",
        "soon, is not a whole number"
    })
    void shouldAcceptWaitTimersShorterThanTheApprovalTimeout(String value, String expectedProblem) {
        // when
        Optional<String> problem = EnvironmentValidation.checkWaitTimer(value);

        // then
        if (expectedProblem == null) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains(expectedProblem));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'', ",
        "1, ",
        "10, ",
        "60, ",
        "0, whole minutes from 1 to 60",
        "61, whole minutes from 1 to 60",
        "2.5, 2.5"
    })
    void shouldCheckAHealthDeadlineAsTheEngineDoes(String value, String expectedProblem) {
        Optional<String> problem = EnvironmentValidation.checkHealthDeadline(value);

        if (expectedProblem == null) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains(expectedProblem));
        }
    }

    @Test
    void shouldNameTheFirstDuplicateEnvironment() {
        // given
        List<EnvironmentConfig> environments = EnvironmentTranslation.fromEngine(Environments.defaults());
        environments = List.of(environments.get(0), environments.get(1), environments.get(0), environments.get(1));

        // when
        Optional<String> problem = EnvironmentValidation.checkAll(environments);

        // then
        assertThat(problem)
                .hasValueSatisfying(
                        text -> assertThat(text).contains("'staging'").doesNotContain("production"));
    }

    @Test
    void shouldPassOnWhatTheEngineRejectsInAWholeList() {
        // given
        EnvironmentConfig config = new EnvironmentConfig("staging");
        config.setMinPassRate(95.0);
        config.setMinCoverage(101.0);

        // when
        Optional<String> problem = EnvironmentValidation.checkAll(List.of(config));

        // then
        assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains("minCoverage", "101"));
    }

    @Test
    void shouldAcceptTheDefaultsAndAnEmptyList() {
        // given
        List<EnvironmentConfig> defaults = EnvironmentTranslation.fromEngine(Environments.defaults());

        // when / then
        assertThat(EnvironmentValidation.checkAll(defaults)).isEmpty();
        assertThat(EnvironmentValidation.checkAll(List.of())).isEmpty();
    }
}
