package io.genesis.core.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What test reports said: the counts, the results of the required-test selectors, and how many
 * tests were recognised as Jest todo entries.
 *
 * @param counts every test and its outcome
 * @param selected one result per selector, in the selectors' order
 * @param todo tests counted as skipped because their suite did not count them (jest-junit todo)
 * @param notATestReport why a file was passed over without counting anything, such as Failsafe's
 *     summary file that {@code *.xml} also matches
 * @param duplicates tests listed more than once, counted once
 */
public record TestReading(
        TestCounts counts,
        List<SelectorResult> selected,
        long todo,
        Optional<String> notATestReport,
        DuplicateTests duplicates) {

    public TestReading {
        Objects.requireNonNull(counts, "counts");
        selected = List.copyOf(selected);
        Objects.requireNonNull(notATestReport, "notATestReport");
        Objects.requireNonNull(duplicates, "duplicates");
        if (todo < 0 || todo > counts.skipped()) {
            throw new IllegalArgumentException(
                    "todo tests (" + todo + ") must be between 0 and skipped (" + counts.skipped() + ")");
        }
    }

    /** A reading in which no test was listed twice. */
    public TestReading(TestCounts counts, List<SelectorResult> selected, long todo, Optional<String> notATestReport) {
        this(counts, selected, todo, notATestReport, DuplicateTests.NONE);
    }

    /** Nothing read yet, for these selectors. */
    public static TestReading empty(List<TestSelector> selectors) {
        return new TestReading(
                TestCounts.NONE, selectors.stream().map(SelectorResult::empty).toList(), 0, Optional.empty());
    }

    /**
     * The sum of this reading and {@code other}, which must be for the same selectors. Tests both
     * list are counted twice: read files of one report set into one {@link TestLedger} instead.
     */
    public TestReading plus(TestReading other) {
        if (selected.size() != other.selected.size()) {
            throw new IllegalArgumentException("cannot add readings made with different selectors");
        }
        List<SelectorResult> merged = new ArrayList<>(selected.size());
        for (int i = 0; i < selected.size(); i++) {
            merged.add(selected.get(i).plus(other.selected.get(i)));
        }
        return new TestReading(
                counts.plus(other.counts),
                merged,
                todo + other.todo,
                Optional.empty(),
                duplicates.plus(other.duplicates));
    }
}
