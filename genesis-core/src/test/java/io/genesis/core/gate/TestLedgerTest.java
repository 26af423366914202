package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestLedgerTest {

    @Test
    void shouldCountATestListedTwiceOnceWithItsWorstOutcome() throws Exception {
        TestLedger ledger = new TestLedger(List.of(), 100);

        assertThat(ledger.add("a.xml", "C", "t", TestOutcome.FAILED, false)).isFalse();
        assertThat(ledger.add("a.xml", "C", "t", TestOutcome.ERROR, false)).isTrue();
        ledger.add("a.xml", "C", "u", TestOutcome.PASSED, false);

        TestReading reading = ledger.reading();
        assertThat(reading.counts()).isEqualTo(TestCounts.of(1, 0, 1, 0, 0));
        assertThat(reading.duplicates()).isEqualTo(new DuplicateTests(1, Optional.of("C.t in a.xml")));
    }

    @ParameterizedTest(name = "{0} then {1} -> {2}")
    @CsvSource({
        "PASSED, ERROR, ERROR",
        "ERROR, PASSED, ERROR",
        "FAILED, ERROR, ERROR",
        "ERROR, FAILED, ERROR",
        "SKIPPED, FAILED, FAILED",
        "PASSED, SKIPPED, SKIPPED",
        "SKIPPED, PASSED, SKIPPED",
        "PASSED, PASSED, PASSED"
    })
    void shouldLetTheWorstOutcomeWinWhateverTheOrder(TestOutcome first, TestOutcome second, TestOutcome kept)
            throws Exception {
        TestLedger ledger = new TestLedger(List.of(), 100);

        ledger.add("a.xml", "C", "t", first, false);
        ledger.add("b.xml", "C", "t", second, false);

        TestCounts counts = ledger.reading().counts();
        assertThat(counts.total()).isEqualTo(1);
        assertThat(
                        switch (kept) {
                            case PASSED -> counts.passed();
                            case SKIPPED -> counts.skipped();
                            case FAILED -> counts.failed();
                            case ERROR -> counts.errors();
                        })
                .isEqualTo(1);
    }

    @Test
    void shouldKeepAFlakyPassOverACleanOneAndDropItForAFailure() throws Exception {
        TestLedger flaky = new TestLedger(List.of(), 100);
        flaky.add("a.xml", "C", "t", TestOutcome.PASSED, false);
        flaky.add("a.xml", "C", "t", TestOutcome.PASSED, true);
        TestLedger failed = new TestLedger(List.of(), 100);
        failed.add("a.xml", "C", "t", TestOutcome.PASSED, true);
        failed.add("a.xml", "C", "t", TestOutcome.FAILED, false);

        assertThat(flaky.reading().counts()).isEqualTo(TestCounts.of(1, 0, 0, 0, 1));
        assertThat(failed.reading().counts()).isEqualTo(TestCounts.of(0, 1, 0, 0, 0));
    }

    @Test
    void shouldTellTestsApartByClassAndName() throws Exception {
        TestLedger ledger = new TestLedger(List.of(), 100);

        ledger.add("a.xml", "ab", "c", TestOutcome.PASSED, false);
        ledger.add("a.xml", "a", "bc", TestOutcome.PASSED, false);
        ledger.add("a.xml", "A", "c", TestOutcome.PASSED, false);
        ledger.add("a.xml", "", "abc", TestOutcome.PASSED, false);

        assertThat(ledger.reading().counts().total()).isEqualTo(4);
        assertThat(ledger.reading().duplicates()).isEqualTo(DuplicateTests.NONE);
    }

    @Test
    void shouldMoveASelectedTestToItsWorseOutcomeAndExample() throws Exception {
        TestSelector critical = TestSelector.parse("critical=*Critical*");
        TestLedger ledger = new TestLedger(List.of(critical), 100);

        ledger.add("a.xml", "CriticalTest", "pays", TestOutcome.SKIPPED, false);
        ledger.add("a.xml", "CriticalTest", "pays", TestOutcome.FAILED, false);
        ledger.add("a.xml", "CriticalTest", "pays", TestOutcome.ERROR, false);
        ledger.add("a.xml", "OtherTest", "pays", TestOutcome.ERROR, false);

        SelectorResult result = ledger.reading().selected().get(0);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(result.outcomes()).isEqualTo(TestCounts.of(0, 0, 1, 0, 0));
        softly.assertThat(result.notPassed()).containsExactly("CriticalTest.pays (error)");
        softly.assertThat(result.skipped()).isEmpty();
        softly.assertAll();
    }

    @Test
    void shouldRefuseMoreDistinctTestsThanTheLimitButNotRepeatedOnes() throws Exception {
        TestLedger ledger = new TestLedger(List.of(), 2);
        ledger.add("a.xml", "C", "t1", TestOutcome.PASSED, false);
        ledger.add("a.xml", "C", "t2", TestOutcome.PASSED, false);
        ledger.add("a.xml", "C", "t2", TestOutcome.FAILED, false);

        assertThatThrownBy(() -> ledger.add("a.xml", "C", "t3", TestOutcome.PASSED, false))
                .isInstanceOf(TestKeys.TooManyTestsException.class)
                .hasMessageContaining("more than 2 distinct tests");
    }

    @Test
    void shouldKeepEveryKeyApartWhileTheTableGrows() throws Exception {
        TestKeys keys = new TestKeys(1_000_000, 42);
        for (int i = 0; i < 200_000; i++) {
            assertThat(keys.put("com.example.Class" + (i % 97), "test" + i, 0)).isEqualTo(TestKeys.ABSENT);
        }
        for (int i = 0; i < 200_000; i += 1000) {
            assertThat(keys.put("com.example.Class" + (i % 97), "test" + i, 3)).isZero();
        }
        assertThat(keys.size()).isEqualTo(200_000);
    }

    @Test
    void shouldCountTodoEntriesAsSkipped() throws Exception {
        TestLedger ledger = new TestLedger(List.of(), 100);
        ledger.add("a.xml", "C", "t", TestOutcome.PASSED, false);
        ledger.add("a.xml", "C", "u", TestOutcome.PASSED, false);

        ledger.countTodo(1);

        assertThat(ledger.reading().counts()).isEqualTo(TestCounts.of(1, 0, 0, 1, 0));
        assertThat(ledger.reading().todo()).isEqualTo(1);
        assertThatThrownBy(() -> ledger.countTodo(2)).isInstanceOf(IllegalArgumentException.class);
    }
}
