package io.genesis.core.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Reads JUnit XML as Maven Surefire and Failsafe, Gradle, pytest (xunit1 and xunit2) and jest-junit
 * write it, with {@code <testsuite>} or (nested) {@code <testsuites>} at the root.
 *
 * <p>Every {@code <testcase>} is one test, classified by its children: {@code <error>} beats
 * {@code <failure>}, which beats {@code <skipped>}; none of them is a pass. Surefire's rerun
 * elements are attempts, not tests: {@code <flakyFailure>}/{@code <flakyError>} without a final
 * failure make a passed, flaky test, and {@code <rerunFailure>}/{@code <rerunError>} beside a final
 * failure change nothing. Suite attributes are not added up, because Surefire writes wrong ones
 * when it reruns tests (SUREFIRE-1627); they are only checked to be numbers, and used for one
 * thing: jest-junit leaves {@code test.todo} entries out of a suite's {@code tests} count while
 * writing them as childless testcases, so a suite without reruns or repeated tests whose other
 * counts agree and that holds more testcases than its {@code tests} gets the excess counted as
 * skipped.
 *
 * <p>A test listed more than once (pytest writes a second testcase for a test whose teardown errors
 * after its body failed) is counted once with its worst outcome: see {@link TestLedger}.
 */
public final class JUnitReportReader extends StaxReportReader<TestReading> {

    private final List<TestSelector> selectors;

    public JUnitReportReader(List<TestSelector> selectors) {
        this(selectors, ReadLimits.DEFAULT);
    }

    public JUnitReportReader(List<TestSelector> selectors, ReadLimits limits) {
        super(limits);
        this.selectors = List.copyOf(Objects.requireNonNull(selectors, "selectors"));
    }

    @Override
    TestReading parse(XmlCursor cursor) throws XMLStreamException, ReportException {
        TestLedger ledger = new TestLedger(selectors, limits().maxTests());
        Optional<String> passedOver = parse(cursor, TestListing.direct(ledger, cursor.source()));
        if (passedOver.isPresent()) {
            return new TestReading(TestCounts.NONE, TestReading.empty(selectors).selected(), 0, passedOver);
        }
        return ledger.reading();
    }

    /**
     * Reads one file of a report set into {@code ledger}, which counts a test listed in several
     * files, or several times in one, once. When the file cannot be read, the tests read from it
     * before the problem stay counted; the problem fails the gate anyway.
     *
     * @return why the file was passed over without counting anything (Failsafe's summary), or empty
     */
    public Optional<String> readInto(Path file, String source, TestLedger ledger) throws ReportException {
        return readInto(file, TestListing.direct(ledger, source));
    }

    /** Reads one file of a report set into its listing, which hands the tests to the set's ledger. */
    Optional<String> readInto(Path file, TestListing listing) throws ReportException {
        try (InputStream input = Files.newInputStream(file)) {
            return read(input, listing.source(), cursor -> parse(cursor, listing));
        } catch (IOException e) {
            throw ReportReader.unreadable(listing.source(), e);
        }
    }

    private Optional<String> parse(XmlCursor cursor, TestListing listing) throws XMLStreamException, ReportException {
        String root = cursor.root();
        if ("failsafe-summary".equals(root)) {
            cursor.finish();
            return Optional.of("it is Failsafe's summary, not a JUnit report; its tests are in the TEST-*.xml"
                    + " files beside it");
        }
        if (!isSuite(root)) {
            throw cursor.error(
                    "its root element is <" + root + ">, not <testsuite> or <testsuites>",
                    "point the test report pattern at JUnit XML files, such as 'target/surefire-reports/TEST-*.xml'");
        }
        Deque<JUnitSuite> open = new ArrayDeque<>();
        open.push(new JUnitSuite(cursor));
        while (!open.isEmpty()) {
            int event = cursor.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = cursor.localName();
                if (isSuite(name)) {
                    open.push(new JUnitSuite(cursor));
                } else if ("testcase".equals(name)) {
                    readTestCase(cursor, open.peek(), listing);
                } else {
                    cursor.skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                listing.close(open.pop());
            } else {
                break;
            }
        }
        cursor.finish();
        return Optional.empty();
    }

    private void readTestCase(XmlCursor cursor, JUnitSuite suite, TestListing listing)
            throws XMLStreamException, ReportException {
        String className = cursor.attribute("classname", "");
        String name = cursor.attribute("name", "");
        int depth = cursor.depth();
        TestOutcome outcome = TestOutcome.PASSED;
        boolean flaky = false;
        while (true) {
            int event = cursor.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (cursor.localName()) {
                    case "failure" -> outcome = outcome.worse(TestOutcome.FAILED);
                    case "error" -> outcome = outcome.worse(TestOutcome.ERROR);
                    case "skipped" -> outcome = outcome.worse(TestOutcome.SKIPPED);
                    case "flakyFailure", "flakyError" -> flaky = true;
                    case "rerunFailure", "rerunError" -> suite.reran = true;
                    default -> {
                        // system-out, system-err, properties: nothing to count.
                    }
                }
                cursor.skipElement();
            } else if (event != XMLStreamConstants.END_ELEMENT || cursor.depth() < depth) {
                break;
            }
        }
        suite.reran |= flaky;
        boolean passedOnRerun = flaky && outcome == TestOutcome.PASSED;
        suite.count(outcome, passedOnRerun);
        listing.add(suite, className, name, outcome, passedOnRerun, cursor);
    }

    private static boolean isSuite(String name) {
        return "testsuite".equals(name) || "testsuites".equals(name);
    }
}
