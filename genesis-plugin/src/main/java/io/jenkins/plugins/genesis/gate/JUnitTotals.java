package io.jenkins.plugins.genesis.gate;

import io.genesis.core.gate.TestCounts;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The counts the JUnit plugin recorded for a build, as plain data, with the note the verdict
 * carries about where they came from. The JUnit plugin counts an error as a failure and keeps no
 * flaky reruns apart, so errors and flaky are always 0 here.
 */
final class JUnitTotals implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long total;
    private final long failed;
    private final long skipped;
    private final String note;

    private JUnitTotals(long total, long failed, long skipped, String note) {
        this.total = total;
        this.failed = failed;
        this.skipped = skipped;
        this.note = note;
    }

    /**
     * Totals as the JUnit plugin reports them: every test, the failed ones (errors included) and
     * the skipped ones.
     *
     * @throws IllegalArgumentException when the counts do not add up
     */
    static JUnitTotals recorded(long total, long failed, long skipped) {
        if (total < 0 || failed < 0 || skipped < 0 || failed + skipped > total) {
            throw new IllegalArgumentException(Messages.JUNIT_COUNTS_INVALID.format(total, failed, skipped));
        }
        return new JUnitTotals(total, failed, skipped, Messages.JUNIT_NOTE.format());
    }

    /** One test result action of a build, as Jenkins' test result API reports it: its class and counts. */
    record Recorded(String source, long total, long failed, long skipped) {}

    /**
     * The totals of a build's test result actions. The JUnit plugin keeps one action per build and
     * merges every later {@code junit} call into it, so one action holds every call so far. Another
     * plugin's test result action beside it would be a second set of numbers: rather than add them up
     * (they may count the same tests) or pick one, the gate is refused, naming them.
     *
     * @throws IllegalArgumentException when there are several actions, or the counts do not add up
     */
    static JUnitTotals of(List<Recorded> recorded) {
        if (recorded.isEmpty()) {
            return noneRecorded();
        }
        if (recorded.size() > 1) {
            throw new IllegalArgumentException(Messages.JUNIT_SEVERAL_ACTIONS.format(
                    recorded.size(), recorded.stream().map(Recorded::source).collect(Collectors.joining(", "))));
        }
        Recorded only = recorded.get(0);
        return recorded(only.total(), only.failed(), only.skipped());
    }

    /** No test results were recorded for the build: the gate sees no tests, and says why. */
    static JUnitTotals noneRecorded() {
        return new JUnitTotals(0, 0, 0, Messages.JUNIT_NONE_NOTE.format());
    }

    TestCounts counts() {
        return TestCounts.of(total - failed - skipped, failed, 0, skipped, 0);
    }

    String note() {
        return note;
    }
}
