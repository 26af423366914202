package io.jenkins.plugins.genesis.gate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A gate's verdict as a check on a pull request or commit (GitHub, GitLab, ... through the Checks
 * API plugin): a name per environment, a conclusion, a title, a summary and one table row per
 * criterion with its measured value and bar. Plain values, so the mapping from a verdict is tested
 * without Jenkins; {@code checks.ChecksGatePublication} only copies them into the Checks API's
 * types, and only where that plugin is installed.
 *
 * @param name {@code Genesis gate (staging)}: a later gate for the same environment in the same
 *     build replaces the check rather than adding one
 * @param conclusion how the check ended
 * @param title one line: the environment, the verdict and how many criteria were not met
 * @param summary tests, pass rate, coverage, and for a forced gate who forced it and why (Markdown)
 * @param text the criteria, one table row each (Markdown)
 */
public record GateCheck(String name, Conclusion conclusion, String title, String summary, String text) {

    /** How a check ends; the Checks API has more, these are the ones a gate uses. */
    public enum Conclusion {
        /** The gate passed (criteria of criticality note may have been missed). */
        SUCCESS,
        /** The gate was unstable, or did not pass and was forced through: worth a look, not a red mark. */
        NEUTRAL,
        /** The gate failed. */
        FAILURE
    }

    public GateCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(text, "text");
    }

    /** The check for {@code report}; {@code forcedBy} names who forced it through, or is {@code null}. */
    static GateCheck of(GateReport report, String forcedBy) {
        List<CriterionRow> criteria = report.criteria();
        long notMet = criteria.stream()
                .filter(row -> !"PASSED".equals(row.getStatus()))
                .count();
        return new GateCheck(
                Messages.CHECK_NAME.format(report.environment()),
                conclusion(report.verdict()),
                Messages.CHECK_TITLE.format(report.environment(), report.verdict(), notMet, criteria.size()),
                summary(report, forcedBy),
                table(criteria));
    }

    private static Conclusion conclusion(String verdict) {
        return switch (verdict) {
            case "PASSED" -> Conclusion.SUCCESS;
            case "UNSTABLE", "OVERRIDDEN" -> Conclusion.NEUTRAL;
            case "FAILED" -> Conclusion.FAILURE;
            default -> throw new IllegalArgumentException("unknown gate verdict '" + verdict + "'");
        };
    }

    private static String summary(GateReport report, String forcedBy) {
        StringBuilder summary = new StringBuilder();
        var tests = report.tests();
        summary.append(Messages.CHECK_TESTS.format(
                        tests.total(),
                        tests.passed(),
                        tests.failed(),
                        tests.errors(),
                        tests.skipped(),
                        tests.flaky(),
                        percent(report.passRate())))
                .append('\n');
        Map<String, Double> coverage = report.coverage();
        if (!coverage.isEmpty()) {
            StringBuilder metrics = new StringBuilder();
            coverage.forEach((metric, percent) -> metrics.append(metrics.length() == 0 ? "" : ", ")
                    .append(metric)
                    .append(' ')
                    .append(percent(percent)));
            summary.append(Messages.CHECK_COVERAGE.format(metrics)).append('\n');
        }
        if (report.overrideReason() != null) {
            summary.append('\n')
                    .append(Messages.CHECK_FORCED.format(
                            report.decided(), cell(String.valueOf(forcedBy)), cell(report.overrideReason())))
                    .append('\n');
        }
        report.notes().forEach(note -> summary.append("\n- ").append(cell(note)));
        return summary.toString().strip();
    }

    private static String table(List<CriterionRow> criteria) {
        StringBuilder text = new StringBuilder(Messages.CHECK_TABLE_HEADER.format()).append('\n');
        text.append("|---|---|---|---:|---:|---|\n");
        for (CriterionRow row : criteria) {
            text.append("| ")
                    .append(cell(row.getName()))
                    .append(" | ")
                    .append(row.getLabel())
                    .append(" | ")
                    .append(
                            row.getCriticality() == null
                                    ? ""
                                    : row.getCriticality().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(number(row.getMeasured()))
                    .append(" | ")
                    .append(number(row.getThreshold()))
                    .append(" | ")
                    .append(cell(row.getMessage()))
                    .append(" |\n");
        }
        return text.toString();
    }

    /** Two decimals, or an empty cell when there is no value. */
    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f %%", value);
    }

    /** Text that cannot break the Markdown table: no line breaks, no unescaped column separator. */
    static String cell(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }
}
