package io.genesis.core.gate;

import io.genesis.core.policy.Percentage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a gate decided, why, and from what.
 *
 * @param verdict the outcome, after any override
 * @param decided the outcome before any override; differs from {@code verdict} only when forced
 * @param environment the environment whose bar was applied
 * @param readings what the reports said
 * @param criteria every criterion checked, in order
 * @param notes remarks that do not change the verdict
 * @param overrideReason why the gate was forced through, when it was
 * @param overriddenBy who forced it through, when that is known
 */
public record GateVerdict(
        Verdict verdict,
        Verdict decided,
        String environment,
        Readings readings,
        List<Criterion> criteria,
        List<String> notes,
        Optional<String> overrideReason,
        Optional<String> overriddenBy) {

    public GateVerdict {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decided, "decided");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(readings, "readings");
        criteria = List.copyOf(criteria);
        notes = List.copyOf(notes);
        Objects.requireNonNull(overrideReason, "overrideReason");
        if ((verdict == Verdict.OVERRIDDEN) != overrideReason.isPresent()) {
            throw new IllegalArgumentException("an overridden verdict, and only that, carries an override reason");
        }
        Objects.requireNonNull(overriddenBy, "overriddenBy");
    }

    /** A verdict that does not say who forced it. */
    public GateVerdict(
            Verdict verdict,
            Verdict decided,
            String environment,
            Readings readings,
            List<Criterion> criteria,
            List<String> notes,
            Optional<String> overrideReason) {
        this(verdict, decided, environment, readings, criteria, notes, overrideReason, Optional.empty());
    }

    public TestCounts tests() {
        return readings.tests().counts();
    }

    public Optional<Percentage> passRate() {
        return tests().passRate();
    }

    public CoverageTotals coverage() {
        return readings.coverage();
    }

    /**
     * Whether some report could not be found or read. The gate has failed (or was overridden) then,
     * and the fix is in the input rather than in the code under test.
     */
    public boolean hasInputProblems() {
        return !readings.problems().isEmpty();
    }

    /**
     * What the criteria that are not met do to the build: the worst of their effects (see {@link
     * Criterion#effect()}), before any override; empty when every criterion is met.
     */
    public Optional<Criticality> consequence() {
        return Criterion.worstEffect(criteria);
    }

    /**
     * What a console log shows, the one wording of a verdict for every front door: one line per
     * criterion behind its status ({@code passed    pass rate 99.00 % >= 98.00 % ...}), then the
     * notes, then the override. A criterion that is not met and whose criticality is not the
     * default (error) says what it does, such as {@code [note]}.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        criteria.forEach(c -> lines.add(labelled(
                c.status().name().toLowerCase(Locale.ROOT),
                c.message()
                        + c.effect()
                                .filter(effect -> c.criticality() != Criticality.ERROR)
                                .map(effect -> " [" + effect.key() + "]")
                                .orElse(""))));
        notes.forEach(note -> lines.add(labelled("note", note)));
        overrideReason.ifPresent(reason -> lines.add(labelled(
                "override",
                "gate " + decided + " but overridden"
                        + overriddenBy.map(who -> " by " + who).orElse("") + ": " + reason)));
        return lines;
    }

    private static String labelled(String label, String text) {
        return String.format(Locale.ROOT, "%-9s %s", label, text);
    }

    /** The verdict as plain data that serializes to JSON and back. */
    public GateSummary summary() {
        return GateSummary.of(this);
    }
}
