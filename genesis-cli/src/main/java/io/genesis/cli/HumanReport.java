package io.genesis.cli;

import io.genesis.core.gate.CoverageCounter;
import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.TestCounts;
import io.genesis.core.gate.findings.FindingsReading;
import io.genesis.core.gate.findings.Severity;
import java.io.PrintWriter;
import java.util.Map;
import java.util.StringJoiner;

/** A verdict as people read it in a terminal or a CI log: one line per criterion. */
final class HumanReport {

    private HumanReport() {}

    static void print(GateVerdict verdict, PrintWriter out) {
        out.println("genesis gate for " + verdict.environment() + ": " + verdict.verdict());
        verdict.lines().forEach(line -> out.println("  " + line));
        TestCounts tests = verdict.tests();
        out.println("tests:    " + tests.total() + " total, " + tests.passed() + " passed, " + tests.failed()
                + " failed, " + tests.errors() + (tests.errors() == 1 ? " error, " : " errors, ") + tests.skipped()
                + " skipped, " + tests.flaky()
                + " flaky"
                + verdict.passRate().map(rate -> "; pass rate " + rate).orElse(""));
        if (!verdict.coverage().isEmpty()) {
            StringJoiner coverage = new StringJoiner(", ", "coverage: ", "");
            for (Map.Entry<CoverageMetric, CoverageCounter> entry :
                    verdict.coverage().counters().entrySet()) {
                CoverageCounter counter = entry.getValue();
                coverage.add(entry.getKey().label() + " "
                        + counter.percentage().map(Object::toString).orElse("n/a") + " (" + counter.covered() + "/"
                        + counter.total() + ")");
            }
            out.println(coverage);
        }
        if (verdict.readings().findingsFiles() > 0) {
            FindingsReading found = verdict.readings().findings();
            out.println("findings: " + found.count(Severity.CRITICAL) + " critical, " + found.count(Severity.HIGH)
                    + " high, " + found.count(Severity.MEDIUM) + " medium, " + found.count(Severity.LOW) + " low, "
                    + found.secrets() + (found.secrets() == 1 ? " secret" : " secrets") + "; " + found.suppressed()
                    + " suppressed, not counted");
        }
    }
}
