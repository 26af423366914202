package io.genesis.core.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tests of one report set, each counted once. A test is keyed as the tools key it, by class
 * name and test name; when a report set lists it more than once, the worst outcome wins (an error
 * beats a failure, which beats a skip, which beats a flaky pass, which beats a pass), and the extra
 * listings are counted as duplicates. Required-test selectors see each test once too.
 *
 * <p>Used by one thread at a time; every file of a report set is read into the same ledger.
 */
public final class TestLedger {

    // Outcome codes, in order of how bad they are: the larger code wins.
    private static final int PASSED = 0;
    private static final int FLAKY = 1;
    private static final int SKIPPED = 2;
    private static final int FAILED = 3;
    private static final int ERROR = 4;

    private final TestKeys keys;
    private final List<TestSelector> selectors;
    private final List<SelectorTally> selected;
    private final long[] counts = new long[ERROR + 1];
    private long todo;
    private long duplicates;
    private String firstDuplicate;

    /**
     * A ledger for these selectors, refusing more than {@code maxTests} distinct tests (each costs
     * 8 to 16 bytes of memory).
     */
    public TestLedger(List<TestSelector> selectors, long maxTests) {
        if (maxTests <= 0) {
            throw new IllegalArgumentException("maxTests must be positive, got " + maxTests);
        }
        this.keys = new TestKeys(maxTests);
        this.selectors = List.copyOf(Objects.requireNonNull(selectors, "selectors"));
        this.selected = new ArrayList<>(selectors.size());
        this.selectors.forEach(s -> selected.add(new SelectorTally(s)));
    }

    /**
     * Counts one listing of a test.
     *
     * @param source the file it was listed in, for the duplicate note
     * @param flakyPass whether it passed only on a rerun
     * @return whether this test had been listed before in the report set
     * @throws TestKeys.TooManyTestsException when it is a new test beyond the limit
     */
    boolean add(String source, String className, String name, TestOutcome outcome, boolean flakyPass)
            throws TestKeys.TooManyTestsException {
        int code = code(outcome, flakyPass);
        int before = keys.put(className, name, code);
        if (before == TestKeys.ABSENT) {
            counts[code]++;
            select(className, name, TestKeys.ABSENT, code);
            return false;
        }
        duplicates++;
        if (firstDuplicate == null) {
            firstDuplicate = testName(className, name) + " in " + source;
        }
        if (code > before) {
            counts[before]--;
            counts[code]++;
            select(className, name, before, code);
        }
        return true;
    }

    /**
     * Counts {@code n} passed tests as skipped: jest-junit todo entries, which look like passes.
     */
    void countTodo(long n) {
        if (n > counts[PASSED]) {
            throw new IllegalArgumentException("cannot count " + n + " of " + counts[PASSED] + " passed tests as todo");
        }
        counts[PASSED] -= n;
        counts[SKIPPED] += n;
        todo += n;
    }

    /** What the report set said so far. */
    public TestReading reading() {
        return new TestReading(
                counts(counts),
                selected.stream().map(SelectorTally::result).toList(),
                todo,
                Optional.empty(),
                duplicates == 0 ? DuplicateTests.NONE : new DuplicateTests(duplicates, Optional.of(firstDuplicate)));
    }

    private void select(String className, String name, int before, int code) {
        for (int i = 0; i < selectors.size(); i++) {
            if (selectors.get(i).matches(className, name)) {
                selected.get(i).move(className, name, before, code);
            }
        }
    }

    private static int code(TestOutcome outcome, boolean flakyPass) {
        return switch (outcome) {
            case PASSED -> flakyPass ? FLAKY : PASSED;
            case SKIPPED -> SKIPPED;
            case FAILED -> FAILED;
            case ERROR -> ERROR;
        };
    }

    private static TestCounts counts(long[] byCode) {
        return TestCounts.of(
                byCode[PASSED] + byCode[FLAKY], byCode[FAILED], byCode[ERROR], byCode[SKIPPED], byCode[FLAKY]);
    }

    static String testName(String className, String name) {
        if (className.isBlank() || className.equals(name)) {
            return name.strip();
        }
        return className + "." + name;
    }

    /** One selector's counts; a test moves from one outcome to a worse one when listed again. */
    private static final class SelectorTally {
        private final TestSelector selector;
        private final List<String> notPassed = new ArrayList<>();
        private final List<String> skippedTests = new ArrayList<>();
        private final long[] counts = new long[ERROR + 1];

        SelectorTally(TestSelector selector) {
            this.selector = selector;
        }

        void move(String className, String name, int before, int code) {
            String test = testName(className, name);
            if (before != TestKeys.ABSENT) {
                counts[before]--;
                if (before == SKIPPED) {
                    skippedTests.remove(test);
                } else if (before == FAILED) {
                    notPassed.remove(test + " (failed)");
                }
            }
            counts[code]++;
            if (code == FAILED || code == ERROR) {
                keep(notPassed, test + " (" + (code == ERROR ? TestOutcome.ERROR : TestOutcome.FAILED).label() + ")");
            } else if (code == SKIPPED) {
                keep(skippedTests, test);
            }
        }

        SelectorResult result() {
            return new SelectorResult(selector, counts(counts), notPassed, skippedTests);
        }

        private static void keep(List<String> examples, String test) {
            if (examples.size() < SelectorResult.MAX_EXAMPLES) {
                examples.add(test);
            }
        }
    }
}
