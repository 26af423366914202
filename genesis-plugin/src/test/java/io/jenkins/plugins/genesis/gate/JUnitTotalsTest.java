package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.TestCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JUnitTotalsTest {

    @Test
    void shouldCountTheJUnitPluginsFailuresAsFailedAndNoErrors() {
        // when
        TestCounts counts = JUnitTotals.recorded(33, 3, 2).counts();

        // then: the JUnit plugin cannot tell errors from failures
        assertThat(counts).isEqualTo(new TestCounts(33, 28, 3, 0, 2, 0));
    }

    @Test
    void shouldSeeNoTestsWhenNoneWereRecorded() {
        assertThat(JUnitTotals.noneRecorded().counts()).isEqualTo(TestCounts.NONE);
        assertThat(JUnitTotals.noneRecorded().note()).contains("recorded none");
    }

    @ParameterizedTest
    @CsvSource({"-1, 0, 0", "1, -1, 0", "1, 0, -1", "3, 2, 2"})
    void shouldRefuseCountsThatDoNotAddUp(long total, long failed, long skipped) {
        assertThatThrownBy(() -> JUnitTotals.recorded(total, failed, skipped))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not add up");
    }
}
