package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestResultsSourceTest {

    @ParameterizedTest
    @CsvSource({"reports, REPORTS", "' JUnit ', JUNIT", "junit, JUNIT", "'', REPORTS", ", REPORTS"})
    void shouldReadTheSourceAsAScriptWritesIt(String id, TestResultsSource expected) {
        assertThat(TestResultsSource.named(id)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"xunit", "report"})
    void shouldNameTheKnownSourcesForAnUnknownOne(String id) {
        assertThatThrownBy(() -> TestResultsSource.named(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + id + "'")
                .hasMessageContaining("reports, junit");
    }
}
