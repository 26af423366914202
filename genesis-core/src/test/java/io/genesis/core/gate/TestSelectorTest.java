package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestSelectorTest {

    @ParameterizedTest
    @CsvSource({
        "*Critical*, com.example.CheckoutCriticalTest, pays, true",
        "*Critical*, com.example.CheckoutTest, criticalPath, false",
        "*critical*, com.example.CheckoutTest, criticalPath, true",
        "com.example.SmokeTest, com.example.SmokeTest, login, true",
        "com.example.SmokeTest.login, com.example.SmokeTest, login, true",
        "com.example.SmokeTest.log?n, com.example.SmokeTest, login, true",
        "com.example.SmokeTest, com.example.SmokeTestHelper, login, false",
        "*smoke*, staging smoke checkout page answers, staging smoke checkout page answers, true",
        "test_shipping[*], tests.test_pricing, test_shipping[100-499], true",
        "a.b, aXb, t, false"
    })
    void shouldMatchClassTestOrBoth(String pattern, String className, String name, boolean expected) {
        assertThat(TestSelector.of("s", pattern).matches(className, name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "critical='*Critical*'|critical|*Critical*",
                "smoke=*Smoke*|smoke|*Smoke*",
                "api = \"com.x.*\" |api|com.x.*"
            })
    void shouldParseNameEqualsPattern(String text, String name, String pattern) {
        TestSelector selector = TestSelector.parse(text);

        assertThat(selector.name()).isEqualTo(name);
        assertThat(selector.pattern()).isEqualTo(pattern);
        assertThat(selector).hasToString(name + "='" + pattern + "'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "*Critical*|must look like name=pattern",
                "=*x*|must look like name=pattern",
                "bad name=*x*|is not valid",
                "critical=|needs a pattern",
                "critical=''|needs a pattern"
            })
    void shouldRejectWhatIsNotASelector(String text, String expected) {
        assertThatThrownBy(() -> TestSelector.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void shouldRejectAMissingSelector() {
        assertThatThrownBy(() -> TestSelector.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestSelector.of(null, "*")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBeEqualByNameAndPattern() {
        EqualsVerifier.forClass(TestSelector.class)
                .withIgnoredFields("regex")
                .withNonnullFields("name", "pattern")
                .verify();
    }

    @Test
    void shouldAddUpResultsOfTheSameSelectorOnly() {
        TestSelector critical = TestSelector.of("critical", "*Critical*");
        SelectorResult first =
                new SelectorResult(critical, TestCounts.of(1, 1, 0, 0, 0), List.of("a (failed)"), List.of());
        SelectorResult second =
                new SelectorResult(critical, TestCounts.of(0, 0, 1, 1, 0), List.of("b (error)"), List.of("c"));

        SelectorResult sum = first.plus(second);

        assertThat(sum.outcomes()).isEqualTo(TestCounts.of(1, 1, 1, 1, 0));
        assertThat(sum.notPassed()).containsExactly("a (failed)", "b (error)");
        assertThat(sum.skipped()).containsExactly("c");
        assertThatThrownBy(() -> first.plus(SelectorResult.empty(TestSelector.of("smoke", "*"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot add results of smoke='*' to critical='*Critical*'");
    }

    @Test
    void shouldAddUpReadingsOfTheSameSelectors() {
        TestSelector all = TestSelector.of("all", "*");
        TestReading one =
                new TestReading(TestCounts.of(1, 0, 0, 1, 0), List.of(SelectorResult.empty(all)), 1, Optional.empty());

        TestReading sum = one.plus(one);

        assertThat(sum.counts()).isEqualTo(TestCounts.of(2, 0, 0, 2, 0));
        assertThat(sum.todo()).isEqualTo(2);
        assertThatThrownBy(() -> one.plus(TestReading.empty(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different selectors");
        assertThatThrownBy(() -> new TestReading(TestCounts.NONE, List.of(), 1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("todo tests (1) must be between 0 and skipped (0)");
    }

    @Test
    void shouldLetAnErrorBeatAFailureAndAFailureBeatASkip() {
        assertThat(TestOutcome.PASSED.worse(TestOutcome.SKIPPED)).isEqualTo(TestOutcome.SKIPPED);
        assertThat(TestOutcome.ERROR.worse(TestOutcome.FAILED)).isEqualTo(TestOutcome.ERROR);
        assertThat(TestOutcome.FAILED.worse(TestOutcome.SKIPPED)).isEqualTo(TestOutcome.FAILED);
        assertThat(TestOutcome.ERROR.label()).isEqualTo("error");
    }
}
