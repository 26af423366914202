package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.TestCounts;
import java.util.List;
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

    @Test
    void shouldReadTheOneActionInWhichTheJunitStepMergesEveryCall() {
        // when
        JUnitTotals totals =
                JUnitTotals.of(List.of(new JUnitTotals.Recorded("hudson.tasks.junit.TestResultAction", 23, 1, 1)));

        // then
        assertThat(totals.counts()).isEqualTo(new TestCounts(23, 21, 1, 0, 1, 0));
    }

    @Test
    void shouldSeeNoTestsWithoutAnyAction() {
        assertThat(JUnitTotals.of(List.of()).counts()).isEqualTo(TestCounts.NONE);
    }

    @Test
    void shouldRefuseToChooseBetweenSeveralActions() {
        // given: another plugin's test result action beside the junit step's
        List<JUnitTotals.Recorded> recorded = List.of(
                new JUnitTotals.Recorded("hudson.tasks.junit.TestResultAction", 20, 1, 0),
                new JUnitTotals.Recorded("com.example.OtherTestResultAction", 20, 1, 0));

        // then
        assertThatThrownBy(() -> JUnitTotals.of(recorded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the build holds 2 test result actions (hudson.tasks.junit.TestResultAction,"
                        + " com.example.OtherTestResultAction)");
    }
}
