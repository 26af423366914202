package io.genesis.core.hook;

import io.genesis.core.gate.JUnitReportReader;
import io.genesis.core.gate.ReadLimits;
import io.genesis.core.gate.ReportException;
import io.genesis.core.gate.ReportFinder;
import io.genesis.core.gate.ReportGlob;
import io.genesis.core.gate.TestCounts;
import io.genesis.core.gate.TestLedger;
import io.genesis.core.policy.Percentage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gate's reading of the JUnit XML a hook wrote, judged against a pass rate. Only reports the
 * hook wrote or rewrote count: what matched before it started is remembered and passed over, so a
 * report left from an earlier run never passes a hook that wrote none. No report, or no test run, is
 * a failure, never a pass.
 */
public final class HookReports {

    private final ReportFinder finder;
    private final ReportGlob glob;
    private final Map<Path, FileTime> before;

    private HookReports(ReportFinder finder, ReportGlob glob, Map<Path, FileTime> before) {
        this.finder = finder;
        this.glob = glob;
        this.before = before;
    }

    /** Remembers what {@code pattern} matches under {@code base} now, before the hook runs. */
    public static HookReports before(Path base, String pattern) {
        ReportFinder finder = new ReportFinder(base);
        ReportGlob glob = ReportGlob.of(pattern);
        Map<Path, FileTime> seen = new HashMap<>();
        for (Path file : finder.find(glob).files()) {
            modified(file).ifPresent(time -> seen.put(file, time));
        }
        return new HookReports(finder, glob, seen);
    }

    /** A judgement: whether the bar was met, and the reading in words. */
    record Judgement(boolean passed, String reading) {}

    /** The matching reports written or rewritten since {@link #before}: new ones and ones whose time changed. */
    public List<Path> written() {
        return finder.find(glob).files().stream()
                .filter(file -> !modified(file).equals(Optional.ofNullable(before.get(file))))
                .toList();
    }

    /** Reads what the hook wrote and judges its pass rate against {@code bar}. */
    Judgement judge(Percentage bar) {
        List<Path> written = written();
        if (written.isEmpty()) {
            return new Judgement(
                    false,
                    "no JUnit report matching '" + glob.pattern()
                            + "' was written by the hook; make it write one there (pytest --junitxml, say)");
        }
        JUnitReportReader reader = new JUnitReportReader(List.of());
        TestLedger ledger = new TestLedger(List.of(), ReadLimits.DEFAULT.maxTests());
        for (Path file : written) {
            try {
                reader.readInto(file, finder.display(file), ledger);
            } catch (ReportException e) {
                return new Judgement(false, "report " + finder.display(file) + " could not be read: " + e.getMessage());
            }
        }
        TestCounts counts = ledger.reading().counts();
        Optional<Percentage> rate = counts.passRate();
        String tally = counts.executed() + " tests run, " + counts.passed() + " passed, "
                + (counts.failed() + counts.errors()) + " failed";
        if (rate.isEmpty()) {
            return new Judgement(false, tally + ": no test ran, so nothing was shown to pass");
        }
        boolean met = rate.get().compareTo(bar) >= 0;
        return new Judgement(met, tally + ": pass rate " + rate.get() + (met ? " >= " : " < ") + bar + " required");
    }

    private static Optional<FileTime> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
