package io.genesis.core.gate;

/**
 * The testcases directly inside one JUnit {@code <testsuite>} element, and what the suite claims
 * about them; used to recognise jest-junit's todo entries, which a suite leaves out of its count.
 */
final class JUnitSuite {
    private final long declaredTests;
    private final long declaredFailures;
    private final long declaredErrors;
    private final long declaredSkipped;
    private long passed;
    private long failed;
    private long errors;
    private long skipped;
    private long flaky;
    boolean reran;
    boolean duplicated;

    JUnitSuite(XmlCursor cursor) throws ReportException {
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
        if (reran || duplicated || declaredTests < 0 || declaredTests >= testcases) {
            return 0;
        }
        boolean agrees =
                agrees(declaredFailures, failed) && agrees(declaredErrors, errors) && agrees(declaredSkipped, skipped);
        long excess = testcases - declaredTests;
        return agrees && excess <= passed - flaky ? excess : 0;
    }

    private static boolean agrees(long declared, long counted) {
        return declared < 0 || declared == counted;
    }
}
