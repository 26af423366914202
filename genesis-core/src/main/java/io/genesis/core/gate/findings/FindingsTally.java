package io.genesis.core.gate.findings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Counts findings while one report is read; keeps counts and a few locations, never the findings. */
final class FindingsTally {

    /** Distinct tool and rule pairs kept apart; beyond it, findings are counted under "other rules". */
    static final int MAX_RULES = 10_000;

    private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    private final Map<Severity, String> first = new EnumMap<>(Severity.class);
    private final Map<String, Long> byRule = new HashMap<>();
    private final List<String> suppressedExamples = new ArrayList<>();
    private long secrets;
    private String firstSecret;
    private long suppressed;
    private long notNew;
    private long informational;

    void finding(Optional<Severity> severity, String tool, String rule, String location) {
        finding(severity, tool, rule, location, 1);
    }

    /** {@code count} findings of one rule and severity, the first of them at {@code location}. */
    void finding(Optional<Severity> severity, String tool, String rule, String location, long count) {
        if (severity.isEmpty()) {
            informational += count;
            return;
        }
        bySeverity.merge(severity.get(), count, Long::sum);
        first.putIfAbsent(severity.get(), describe(tool, rule, location));
        rule(tool, rule, count);
    }

    void secret(String tool, String rule, String location) {
        secrets(tool, rule, location, 1);
    }

    /** {@code count} secrets found by one rule, the first of them at {@code location}. */
    void secrets(String tool, String rule, String location, long count) {
        secrets += count;
        if (firstSecret == null) {
            firstSecret = describe(tool, rule, location);
        }
        rule(tool, rule, count);
    }

    void suppressed(String tool, String rule, String location) {
        suppressed++;
        if (suppressedExamples.size() < FindingsReading.MAX_EXAMPLES) {
            suppressedExamples.add(describe(tool, rule, location));
        }
    }

    void notNew() {
        notNew++;
    }

    FindingsReading reading() {
        return new FindingsReading(
                bySeverity,
                secrets,
                byRule,
                first,
                Optional.ofNullable(firstSecret),
                suppressed,
                suppressedExamples,
                notNew,
                informational);
    }

    private void rule(String tool, String rule, long count) {
        String key = tool + " " + rule;
        if (byRule.containsKey(key) || byRule.size() < MAX_RULES) {
            byRule.merge(key, count, Long::sum);
        } else {
            byRule.merge(tool + " (other rules)", count, Long::sum);
        }
    }

    static String describe(String tool, String rule, String location) {
        return location + " (" + tool + " " + rule + ")";
    }
}
