package io.genesis.core.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.Location;

/**
 * The tests one JUnit file lists, on their way into the report set's {@link TestLedger}. The files
 * of a set may be read side by side, but the ledger must see them in the files' order (it counts a
 * repeated test once and names the first repetition, and selectors keep their first examples), so
 * a file read before its turn keeps its listings here, at most {@link #MAX_PENDING}, until the
 * files before it have been counted; a longer file waits for its turn and then counts straight on.
 */
final class TestListing {

    /** Listings a file keeps before it waits for its turn; a few hundred kilobytes. */
    static final int MAX_PENDING = 1024;

    private final TestLedger ledger;
    private final String source;
    private final int index;
    private final List<Object> pending = new ArrayList<>();
    private final LedgerTurns turns;
    private boolean counting;
    private Optional<String> passedOver = Optional.empty();
    private ReportException problem;

    private TestListing(TestLedger ledger, String source, int index, LedgerTurns turns) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.source = Objects.requireNonNull(source, "source");
        this.index = index;
        this.turns = turns;
        this.counting = turns == null;
    }

    /** A file counted straight into {@code ledger}, which its reader holds alone. */
    static TestListing direct(TestLedger ledger, String source) {
        return new TestListing(ledger, source, 0, null);
    }

    /** The file at {@code index} in a report set whose files {@code turns} hands the ledger to. */
    static TestListing inTurn(TestLedger ledger, String source, int index, LedgerTurns turns) {
        return new TestListing(ledger, source, index, Objects.requireNonNull(turns, "turns"));
    }

    /** One testcase of {@code suite}, read at the cursor's position. */
    void add(JUnitSuite suite, String className, String name, TestOutcome outcome, boolean flakyPass, XmlCursor cursor)
            throws ReportException {
        if (counting) {
            try {
                suite.duplicated |= ledger.add(source, className, name, outcome, flakyPass);
            } catch (TestKeys.TooManyTestsException e) {
                throw tooMany(e, cursor.location());
            }
            return;
        }
        pending.add(new Listed(suite, className, name, outcome, flakyPass, cursor.location()));
        if (pending.size() >= MAX_PENDING) {
            turns.awaitTurn(index);
            counting = true;
            countListings();
        }
    }

    /** The end of {@code suite}: its todo entries, if any, are counted as skipped. */
    void close(JUnitSuite suite) {
        if (counting) {
            countTodo(suite);
        } else {
            pending.add(suite);
        }
    }

    /** What the file said beside its tests, once it has been read to its end or to a problem. */
    void finish(Optional<String> whyPassedOver, ReportException readingProblem) {
        this.passedOver = Objects.requireNonNull(whyPassedOver, "whyPassedOver");
        this.problem = readingProblem;
    }

    /**
     * Counts what is pending, with the ledger held by this file. A test beyond the ledger's limit
     * becomes this file's problem: it comes before anything the reading met later in the file.
     */
    void countPending() {
        counting = true;
        try {
            countListings();
        } catch (ReportException e) {
            problem = e;
        }
    }

    int index() {
        return index;
    }

    int pendingCount() {
        return pending.size();
    }

    String source() {
        return source;
    }

    /** Why the file was passed over without counting anything (Failsafe's summary), or empty. */
    Optional<String> passedOver() {
        return passedOver;
    }

    /** What stopped the file from being read or counted, if anything. */
    Optional<ReportException> problem() {
        return Optional.ofNullable(problem);
    }

    private void countListings() throws ReportException {
        List<Object> listings = List.copyOf(pending);
        pending.clear();
        for (Object listing : listings) {
            if (listing instanceof Listed test) {
                try {
                    test.suite.duplicated |=
                            ledger.add(source, test.className, test.name, test.outcome, test.flakyPass);
                } catch (TestKeys.TooManyTestsException e) {
                    throw tooMany(e, test.at);
                }
            } else {
                countTodo((JUnitSuite) listing);
            }
        }
    }

    private void countTodo(JUnitSuite suite) {
        long uncounted = suite.uncounted();
        if (uncounted > 0) {
            ledger.countTodo(uncounted);
        }
    }

    private ReportException tooMany(TestKeys.TooManyTestsException e, Location at) {
        return new ReportException(
                source,
                XmlCursor.line(at),
                XmlCursor.column(at),
                "the test reports hold more than " + e.limit() + " distinct tests, the limit for one gate",
                "check that the pattern matches only this build's reports; if the build really has more tests,"
                        + " raise the limit (ReadLimits maxTests), which costs 16 bytes of memory per test");
    }

    /** One testcase waiting for its file's turn. */
    private record Listed(
            JUnitSuite suite, String className, String name, TestOutcome outcome, boolean flakyPass, Location at) {}
}
