package io.genesis.core.gate;

import io.genesis.core.gate.findings.FindingsReading;
import io.genesis.core.gate.findings.Severity;
import io.genesis.core.policy.FindingBounds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The security findings criteria: one per bound the environment (or the request, tighter) sets —
 * {@code findings.critical}, {@code findings.high}, {@code findings.medium}, {@code findings.low},
 * {@code findings.secrets} — each saying what was counted and where the first finding of that kind
 * is.
 *
 * <p>Missing data never passes: when findings reports were asked for but none could be found or
 * read, each bound fails with its own line saying so (as a gate whose test reports hold no test
 * fails on "no tests"), beside the {@code reports} criterion's problems. A gate that was given no
 * findings reports at all does not check findings; a note says which bounds went unchecked (as for
 * a coverage drop without a baseline).
 */
final class FindingsCriteria {

    /** How many rules the note names, most frequent first. */
    static final int RULES_NAMED = 5;

    private FindingsCriteria() {}

    static void judge(
            GatePolicy policy, boolean asked, Readings readings, List<Criterion> criteria, List<String> notes) {
        FindingBounds bounds = policy.thresholds().findings();
        FindingsReading found = readings.findings();
        if (!asked) {
            if (!bounds.isEmpty()) {
                notes.add("security findings not checked: " + policy.environment() + " allows at most "
                        + describe(bounds) + ", but no findings reports were given");
            }
            return;
        }
        if (readings.findingsFiles() == 0) {
            unread(policy, bounds, criteria);
            return;
        }
        String counted = counted(found, readings.findingsFiles());
        for (String name : FindingBounds.NAMES) {
            OptionalLong bound = bounds.get(name);
            if (bound.isPresent()) {
                criteria.add(criterion(policy, name, bound.getAsLong(), found, counted));
            }
        }
        if (bounds.isEmpty()) {
            notes.add("security findings were read (" + counted + "), but " + policy.environment()
                    + " bounds none of them");
        }
        if (!found.byRule().isEmpty()) {
            notes.add("findings by rule: " + topRules(found.byRule()));
        }
        if (found.suppressed() > 0) {
            notes.add(Format.count(found.suppressed(), "suppressed finding was", "suppressed findings were")
                    + " listed, not counted: " + String.join(", ", found.suppressedExamples())
                    + (found.suppressed() > found.suppressedExamples().size() ? ", …" : ""));
        }
        if (found.notNew() > 0) {
            notes.add(Format.count(found.notNew(), "finding was", "findings were")
                    + " left out: the tool marked them as already in its baseline, or gone");
        }
    }

    private static void unread(GatePolicy policy, FindingBounds bounds, List<Criterion> criteria) {
        for (String name : FindingBounds.NAMES) {
            OptionalLong bound = bounds.get(name);
            if (bound.isPresent()) {
                criteria.add(Criterion.of(
                        "findings." + name,
                        CriterionKind.FINDINGS,
                        policy.criticalityOf(CriterionKind.FINDINGS),
                        CriterionStatus.FAILED,
                        kind(name) + ": no findings report could be read, but " + policy.environment()
                                + " allows at most " + Format.count(bound.getAsLong())
                                + "; what was not scanned proves nothing: fix the findings reports named above"));
            }
        }
    }

    /** {@code 0 critical, 0 high, 0 secrets}. */
    private static String describe(FindingBounds bounds) {
        return FindingBounds.NAMES.stream()
                .filter(name -> bounds.get(name).isPresent())
                .map(name -> Format.count(bounds.get(name).getAsLong()) + " " + name)
                .collect(Collectors.joining(", "));
    }

    private static String kind(String name) {
        return "secrets".equals(name) ? "secrets" : name + " findings";
    }

    private static Criterion criterion(
            GatePolicy policy, String name, long bound, FindingsReading found, String counted) {
        long count = "secrets".equals(name)
                ? found.secrets()
                : found.count(Severity.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
        Optional<String> first = "secrets".equals(name)
                ? found.firstSecret()
                : Optional.ofNullable(found.first().get(Severity.valueOf(name.toUpperCase(java.util.Locale.ROOT))));
        boolean met = count <= bound;
        String message = kind(name) + " " + Format.count(count) + (met ? " ≤ " : " > ") + Format.count(bound)
                + " allowed for " + policy.environment()
                + first.map(where -> " (first: " + where + ")").orElse("") + "; counted " + counted;
        return Criterion.of(
                "findings." + name,
                CriterionKind.FINDINGS,
                policy.criticalityOf(CriterionKind.FINDINGS),
                met ? CriterionStatus.PASSED : CriterionStatus.FAILED,
                count,
                bound,
                message);
    }

    private static String counted(FindingsReading found, int files) {
        return Format.count(found.count(Severity.CRITICAL)) + " critical, "
                + Format.count(found.count(Severity.HIGH)) + " high, "
                + Format.count(found.count(Severity.MEDIUM)) + " medium, "
                + Format.count(found.count(Severity.LOW)) + " low, "
                + Format.count(found.secrets(), "secret", "secrets") + " in "
                + Format.count(files, "findings report", "findings reports");
    }

    private static String topRules(Map<String, Long> byRule) {
        List<Map.Entry<String, Long>> sorted = byRule.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        String named = sorted.stream()
                .limit(RULES_NAMED)
                .map(e -> e.getKey() + " " + Format.count(e.getValue()))
                .collect(Collectors.joining(", "));
        return sorted.size() > RULES_NAMED ? named + " and " + (sorted.size() - RULES_NAMED) + " more rules" : named;
    }
}
