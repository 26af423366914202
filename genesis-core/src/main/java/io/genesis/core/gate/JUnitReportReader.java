package io.genesis.core.gate;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * writing them as childless testcases, so a suite without reruns whose other counts agree and
 * that holds more testcases than its {@code tests} gets the excess counted as skipped.
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
        String root = cursor.root();
        if ("failsafe-summary".equals(root)) {
            cursor.finish();
            return new TestReading(
                    TestCounts.NONE,
                    selectors.stream().map(SelectorResult::empty).toList(),
                    0,
                    Optional.of("it is Failsafe's summary, not a JUnit report; its tests are in the TEST-*.xml"
                            + " files beside it"));
        }
        if (!isSuite(root)) {
            throw cursor.error(
                    "its root element is <" + root + ">, not <testsuite> or <testsuites>",
                    "point the test report pattern at JUnit XML files, such as 'target/surefire-reports/TEST-*.xml'");
        }
        Tally tally = new Tally(selectors);
        Deque<Suite> open = new ArrayDeque<>();
        open.push(new Suite(cursor));
        while (!open.isEmpty()) {
            int event = cursor.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = cursor.localName();
                if (isSuite(name)) {
                    open.push(new Suite(cursor));
                } else if ("testcase".equals(name)) {
                    readTestCase(cursor, open.peek(), tally);
                } else {
                    cursor.skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                tally.close(open.pop());
            } else {
                break;
            }
        }
        cursor.finish();
        return tally.reading();
    }

    private void readTestCase(XmlCursor cursor, Suite suite, Tally tally) throws XMLStreamException, ReportException {
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
        tally.select(className, name, outcome, passedOnRerun);
    }

    private static boolean isSuite(String name) {
        return "testsuite".equals(name) || "testsuites".equals(name);
    }

    /** The testcases directly inside one suite element, and what the suite claims about them. */
    private static final class Suite {
        final long declaredTests;
        final long declaredFailures;
        final long declaredErrors;
        final long declaredSkipped;
        long passed;
        long failed;
        long errors;
        long skipped;
        long flaky;
        boolean reran;

        Suite(XmlCursor cursor) throws ReportException {
            declaredTests = cursor.count("tests");
            declaredFailures = cursor.count("failures");
            declaredErrors = cursor.count("errors");
            declaredSkipped = cursor.count("skipped");
        }

        void count(TestOutcome outcome, boolean flakyPass) {
            switch (outcome) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
            }
            flaky += flakyPass ? 1 : 0;
        }

        /** Tests this suite holds but leaves out of its own count: jest-junit's todo entries. */
        long uncounted() {
            long testcases = passed + failed + errors + skipped;
            if (reran || declaredTests < 0 || declaredTests >= testcases) {
                return 0;
            }
            boolean agrees = agrees(declaredFailures, failed)
                    && agrees(declaredErrors, errors)
                    && agrees(declaredSkipped, skipped);
            long excess = testcases - declaredTests;
            return agrees && excess <= passed - flaky ? excess : 0;
        }

        private static boolean agrees(long declared, long counted) {
            return declared < 0 || declared == counted;
        }
    }

    /** Counts for the whole file, and what each selector picked. */
    private static final class Tally {
        private final List<TestSelector> selectors;
        private final List<SelectorTally> selected;
        private long passed;
        private long failed;
        private long errors;
        private long skipped;
        private long flaky;
        private long todo;

        Tally(List<TestSelector> selectors) {
            this.selectors = selectors;
            this.selected = new ArrayList<>(selectors.size());
            selectors.forEach(s -> selected.add(new SelectorTally(s)));
        }

        void select(String className, String name, TestOutcome outcome, boolean flakyPass) {
            for (int i = 0; i < selectors.size(); i++) {
                if (selectors.get(i).matches(className, name)) {
                    selected.get(i).add(className, name, outcome, flakyPass);
                }
            }
        }

        void close(Suite suite) {
            long uncounted = suite.uncounted();
            passed += suite.passed - uncounted;
            failed += suite.failed;
            errors += suite.errors;
            skipped += suite.skipped + uncounted;
            flaky += suite.flaky;
            todo += uncounted;
        }

        TestReading reading() {
            return new TestReading(
                    TestCounts.of(passed, failed, errors, skipped, flaky),
                    selected.stream().map(SelectorTally::result).toList(),
                    todo,
                    Optional.empty());
        }
    }

    /** One selector's counts while a file is read; mutable so a match costs no allocation. */
    private static final class SelectorTally {
        private final TestSelector selector;
        private final List<String> notPassed = new ArrayList<>();
        private final List<String> skippedTests = new ArrayList<>();
        private long passed;
        private long failed;
        private long errors;
        private long skipped;
        private long flaky;

        SelectorTally(TestSelector selector) {
            this.selector = selector;
        }

        void add(String className, String name, TestOutcome outcome, boolean flakyPass) {
            switch (outcome) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
            }
            flaky += flakyPass ? 1 : 0;
            if (outcome == TestOutcome.FAILED || outcome == TestOutcome.ERROR) {
                keep(notPassed, testName(className, name) + " (" + outcome.label() + ")");
            } else if (outcome == TestOutcome.SKIPPED) {
                keep(skippedTests, testName(className, name));
            }
        }

        SelectorResult result() {
            return new SelectorResult(
                    selector, TestCounts.of(passed, failed, errors, skipped, flaky), notPassed, skippedTests);
        }

        private static void keep(List<String> examples, String test) {
            if (examples.size() < SelectorResult.MAX_EXAMPLES) {
                examples.add(test);
            }
        }

        private static String testName(String className, String name) {
            if (className.isBlank() || className.equals(name)) {
                return name.strip();
            }
            return className + "." + name;
        }
    }
}
