package io.genesis.core.gate.findings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What security findings reports said: counts by severity, secrets, counts by tool and rule, where
 * the worst finding of each severity is, and what was left out (suppressed, not new).
 *
 * @param bySeverity findings counted per severity (secrets are not among them)
 * @param secrets secrets found (gitleaks, TruffleHog)
 * @param byRule counts per {@code tool rule}, such as {@code Bandit B602}
 * @param first where the first finding of each severity is, such as {@code app.py:18 (Bandit B602)}
 * @param firstSecret where the first secret is, without the secret
 * @param suppressed findings the reports mark as suppressed: listed, not counted
 * @param suppressedExamples up to {@link #MAX_EXAMPLES} of them, as {@code file:line (tool rule)}
 * @param notNew findings left out because they were already in the baseline and only new ones
 *     were asked for
 * @param informational findings whose level says they are not a problem (SARIF {@code none}, a
 *     score of 0): not counted
 */
public record FindingsReading(
        Map<Severity, Long> bySeverity,
        long secrets,
        Map<String, Long> byRule,
        Map<Severity, String> first,
        Optional<String> firstSecret,
        long suppressed,
        List<String> suppressedExamples,
        long notNew,
        long informational) {

    /** How many suppressed findings are named; the count is always complete. */
    public static final int MAX_EXAMPLES = 10;

    public static final FindingsReading NONE =
            new FindingsReading(Map.of(), 0, Map.of(), Map.of(), Optional.empty(), 0, List.of(), 0, 0);

    public FindingsReading {
        EnumMap<Severity, Long> counts = new EnumMap<>(Severity.class);
        counts.putAll(bySeverity);
        bySeverity = Collections.unmodifiableMap(counts);
        byRule = Collections.unmodifiableMap(new TreeMap<>(byRule));
        EnumMap<Severity, String> firsts = new EnumMap<>(Severity.class);
        firsts.putAll(first);
        first = Collections.unmodifiableMap(firsts);
        Objects.requireNonNull(firstSecret, "firstSecret");
        suppressedExamples =
                List.copyOf(suppressedExamples.subList(0, Math.min(MAX_EXAMPLES, suppressedExamples.size())));
    }

    /** Findings of {@code severity} counted. */
    public long count(Severity severity) {
        return bySeverity.getOrDefault(severity, 0L);
    }

    /** Every finding counted, secrets included. */
    public long total() {
        return bySeverity.values().stream().mapToLong(Long::longValue).sum() + secrets;
    }

    /** Both readings together; the first locations of this one win. */
    public FindingsReading plus(FindingsReading other) {
        EnumMap<Severity, Long> counts = new EnumMap<>(Severity.class);
        counts.putAll(bySeverity);
        other.bySeverity.forEach((s, n) -> counts.merge(s, n, Math::addExact));
        Map<String, Long> rules = new TreeMap<>(byRule);
        other.byRule.forEach((r, n) -> rules.merge(r, n, Math::addExact));
        EnumMap<Severity, String> firsts = new EnumMap<>(Severity.class);
        firsts.putAll(other.first);
        firsts.putAll(first);
        List<String> examples = new ArrayList<>(suppressedExamples);
        examples.addAll(other.suppressedExamples);
        return new FindingsReading(
                counts,
                Math.addExact(secrets, other.secrets),
                rules,
                firsts,
                firstSecret.isPresent() ? firstSecret : other.firstSecret,
                Math.addExact(suppressed, other.suppressed),
                examples,
                Math.addExact(notNew, other.notNew),
                Math.addExact(informational, other.informational));
    }
}
