package io.jenkins.plugins.genesis.gate;

import io.genesis.core.gate.GateSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gate's verdict as the plugin shows it: console lines, the build page, the remote API and the
 * value the step returns to the Pipeline. Built from the summary's JSON, the form in which the
 * verdict comes back from the agent and is stored with the build; only plugin-side types and plain
 * Java values come out of it.
 */
final class GateReport {

    private final GateSummary summary;
    private final List<CriterionRow> criteria;

    private GateReport(GateSummary summary) {
        this.summary = summary;
        List<CriterionRow> rows = new ArrayList<>();
        for (GateSummary.CriterionEntry entry : summary.criteria()) {
            rows.add(new CriterionRow(
                    entry.name(), entry.status(), entry.message(), entry.measured(), entry.threshold()));
        }
        this.criteria = List.copyOf(rows);
    }

    /**
     * Reads what {@code GateSummary.toJson()} wrote.
     *
     * @throws IllegalArgumentException when {@code json} is not a gate summary
     */
    static GateReport fromJson(String json) {
        return new GateReport(GateSummary.fromJson(json));
    }

    String verdict() {
        return summary.verdict();
    }

    String decided() {
        return summary.decided();
    }

    String environment() {
        return summary.environment();
    }

    Double passRate() {
        return summary.passRate();
    }

    GateSummary.Tests tests() {
        return summary.tests();
    }

    List<CriterionRow> criteria() {
        return criteria;
    }

    List<String> notes() {
        return summary.notes();
    }

    /** Why the gate was forced through, or {@code null}. */
    String overrideReason() {
        return summary.overrideReason();
    }

    GateOutcome outcome() {
        return GateOutcome.of(summary.verdict());
    }

    /** {@code genesis gate for production: FAILED}. */
    String headline() {
        return Messages.HEADLINE.format(summary.environment(), summary.verdict());
    }

    /**
     * What the console shows: the headline, then the engine's own lines of the verdict (one per
     * criterion, the notes, the override), indented.
     */
    List<String> consoleLines() {
        List<String> lines = new ArrayList<>();
        lines.add(headline());
        summary.lines().forEach(line -> lines.add("  " + line));
        return lines;
    }

    /**
     * What the step returns to the Pipeline: {@code verdict}, {@code environment}, {@code passRate}
     * ({@code null} when no test ran), {@code tests} (counts), {@code coverage} (percent by metric),
     * {@code criteria} (name, status, message) and {@code overrideReason}. Only maps, lists,
     * strings and numbers, so the script can keep it and Pipeline can save it.
     */
    Map<String, Object> toPipelineValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("verdict", summary.verdict());
        value.put("environment", summary.environment());
        value.put("passRate", summary.passRate());
        GateSummary.Tests counts = summary.tests();
        Map<String, Object> tests = new LinkedHashMap<>();
        tests.put("total", counts.total());
        tests.put("passed", counts.passed());
        tests.put("failed", counts.failed());
        tests.put("errors", counts.errors());
        tests.put("skipped", counts.skipped());
        tests.put("flaky", counts.flaky());
        value.put("tests", tests);
        Map<String, Object> coverage = new LinkedHashMap<>();
        summary.coverage().forEach((metric, counter) -> coverage.put(metric, counter.percent()));
        value.put("coverage", coverage);
        List<Object> rows = new ArrayList<>();
        for (CriterionRow row : criteria) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", row.getName());
            entry.put("status", row.getStatus());
            entry.put("message", row.getMessage());
            rows.add(entry);
        }
        value.put("criteria", rows);
        value.put("overrideReason", summary.overrideReason());
        return value;
    }
}
