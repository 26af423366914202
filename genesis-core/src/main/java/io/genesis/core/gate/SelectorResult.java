package io.genesis.core.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the tests picked by one required-test selector did. Only counts and a few example names are
 * kept, so a selector that matches a million tests costs no more memory than one that matches ten.
 *
 * @param selector the selector
 * @param outcomes counts of the selected tests
 * @param notPassed up to {@link #MAX_EXAMPLES} selected tests that failed or errored, with outcome
 * @param skipped up to {@link #MAX_EXAMPLES} selected tests that were skipped
 */
public record SelectorResult(TestSelector selector, TestCounts outcomes, List<String> notPassed, List<String> skipped) {

    /** How many example names are kept per kind; the counts are always complete. */
    public static final int MAX_EXAMPLES = 10;

    public SelectorResult {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(outcomes, "outcomes");
        notPassed = List.copyOf(notPassed.subList(0, Math.min(notPassed.size(), MAX_EXAMPLES)));
        skipped = List.copyOf(skipped.subList(0, Math.min(skipped.size(), MAX_EXAMPLES)));
    }

    /** A selector that has matched nothing yet. */
    public static SelectorResult empty(TestSelector selector) {
        return new SelectorResult(selector, TestCounts.NONE, List.of(), List.of());
    }

    /** This result and {@code other}'s (for the same selector), from another report file. */
    public SelectorResult plus(SelectorResult other) {
        if (!selector.equals(other.selector)) {
            throw new IllegalArgumentException("cannot add results of " + other.selector + " to " + selector);
        }
        List<String> failing = new ArrayList<>(notPassed);
        failing.addAll(other.notPassed);
        List<String> skips = new ArrayList<>(skipped);
        skips.addAll(other.skipped);
        return new SelectorResult(selector, outcomes.plus(other.outcomes), failing, skips);
    }
}
