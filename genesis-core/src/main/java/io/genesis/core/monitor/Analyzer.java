package io.genesis.core.monitor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Judges samples against thresholds: classifies each reading, and decides after every sample
 * whether the rollout carries on, rolls back, or lacks the data to tell.
 */
public final class Analyzer {

    private final AnalysisThresholds thresholds;
    private final EnumSet<Metric> analysed;

    /**
     * @param thresholds the bounds to hold the candidate to
     * @param offered the metrics the source can measure; only those with thresholds are analysed
     */
    public Analyzer(AnalysisThresholds thresholds, Set<Metric> offered) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        EnumSet<Metric> both = EnumSet.noneOf(Metric.class);
        both.addAll(thresholds.limits().keySet());
        both.retainAll(Objects.requireNonNull(offered, "offered"));
        this.analysed = both;
    }

    /** The metrics that are analysed: those the source offers and the thresholds cover. */
    public Set<Metric> analysed() {
        return EnumSet.copyOf(analysed);
    }

    /** A sample that could not be taken at all (the source failed): inconclusive, never healthy. */
    public static SampleVerdict unavailable(MetricWindow window, String why) {
        return new SampleVerdict(
                window,
                java.util.List.of(new Reading(Metric.ERROR_RATE, null, Classification.INCONCLUSIVE, false, why)),
                Classification.INCONCLUSIVE);
    }

    /**
     * Samples {@code source} over {@code window} and judges the sample. A source that fails gives
     * an inconclusive sample with its error, never a healthy one.
     */
    public SampleVerdict sample(MetricSource source, MetricWindow window) {
        try {
            return classify(source.sample(window));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null || e.getMessage().isBlank()
                    ? e.getClass().getSimpleName()
                    : e.getMessage();
            return unavailable(window, source.describe() + " failed: " + message);
        }
    }

    /** Judges one sample. No analysed metric at all makes it inconclusive, never healthy. */
    public SampleVerdict classify(MetricReadings readings) {
        List<Reading> judged = new ArrayList<>();
        Classification overall = Classification.OK;
        for (Metric metric : analysed) {
            Reading reading = classify(metric, readings.value(metric));
            judged.add(reading);
            overall = overall.worst(reading.classification());
        }
        if (judged.isEmpty()) {
            judged.add(new Reading(
                    Metric.ERROR_RATE,
                    null,
                    Classification.INCONCLUSIVE,
                    false,
                    "no metric to analyse: the source measures none of "
                            + thresholds.limits().keySet()));
            overall = Classification.INCONCLUSIVE;
        }
        return new SampleVerdict(readings.window(), judged, overall);
    }

    /**
     * What the rollout does after {@code verdict}, given the whole {@code run} including it. A
     * rollback bound wins over everything, then a run of critical samples, then missing data.
     */
    public AnalysisDecision judge(AnalysisRun run, SampleVerdict verdict) {
        if (verdict.demandsRollback()) {
            return new AnalysisDecision(
                    AnalysisDecision.Kind.ROLL_BACK,
                    "automatic rollback: "
                            + verdict.readings().stream()
                                    .filter(Reading::rollback)
                                    .map(Reading::explanation)
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElseThrow());
        }
        int needed = thresholds.consecutiveCriticalForRollback();
        if (verdict.classification() == Classification.CRITICAL && run.consecutiveCritical() >= needed) {
            return new AnalysisDecision(
                    AnalysisDecision.Kind.ROLL_BACK,
                    run.consecutiveCritical() + " consecutive critical sample(s) (rollback after " + needed + "): "
                            + verdict.explain(Classification.CRITICAL));
        }
        if (verdict.classification() == Classification.INCONCLUSIVE) {
            return new AnalysisDecision(
                    AnalysisDecision.Kind.INCONCLUSIVE,
                    "inconclusive sample: " + verdict.explain(Classification.INCONCLUSIVE));
        }
        return new AnalysisDecision(AnalysisDecision.Kind.CONTINUE, verdict.explainAll());
    }

    private Reading classify(Metric metric, OptionalDouble measured) {
        if (measured.isEmpty()) {
            return new Reading(metric, null, Classification.INCONCLUSIVE, false, metric.label() + ": no data");
        }
        double value = measured.getAsDouble();
        if (Double.isNaN(value) || Double.isInfinite(value) || !metric.unit().accepts(value)) {
            return new Reading(
                    metric, null, Classification.INCONCLUSIVE, false, metric.label() + ": unusable value " + value);
        }
        MetricThresholds bounds = thresholds.limits().get(metric);
        Direction direction = metric.direction();
        String shown = metric.label() + " " + metric.format(value) + " ";
        String symbol = direction.breachSymbol() + " ";
        OptionalDouble rollback = bounds.automaticRollback();
        if (rollback.isPresent() && direction.isWorse(value, rollback.getAsDouble())) {
            return new Reading(
                    metric,
                    value,
                    Classification.CRITICAL,
                    true,
                    shown + symbol + metric.format(rollback.getAsDouble()) + " automatic rollback");
        }
        if (direction.isWorse(value, bounds.critical())) {
            return new Reading(
                    metric,
                    value,
                    Classification.CRITICAL,
                    false,
                    shown + symbol + metric.format(bounds.critical()) + " critical");
        }
        if (direction.isWorse(value, bounds.warning())) {
            return new Reading(
                    metric,
                    value,
                    Classification.WARNING,
                    false,
                    shown + symbol + metric.format(bounds.warning()) + " warning");
        }
        return new Reading(metric, value, Classification.OK, false, shown + "ok");
    }
}
