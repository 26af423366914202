package io.genesis.core.monitor;

import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a monitoring window is judged: thresholds per metric, how many consecutive critical samples
 * roll back, what to do without data, and how often to sample. Environments may set their own;
 * {@link #defaults()} holds the team's release guide.
 *
 * @param limits the thresholds per metric; only metrics listed here are analysed
 * @param consecutiveCriticalForRollback how many critical samples in a row roll back, at least 1
 * @param onInconclusive what a sample without usable data leads to
 * @param sampleInterval how long each sample covers, and so how often the source is asked
 */
public record AnalysisThresholds(
        Map<Metric, MetricThresholds> limits,
        int consecutiveCriticalForRollback,
        InconclusiveAction onInconclusive,
        Duration sampleInterval) {

    /** How often the release guide's windows are sampled: four samples in a two-minute window. */
    public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(30);

    public AnalysisThresholds {
        Objects.requireNonNull(limits, "limits");
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("monitoring needs thresholds for at least one metric, got none");
        }
        EnumMap<Metric, MetricThresholds> copy = new EnumMap<>(Metric.class);
        limits.forEach((metric, thresholds) -> copy.put(metric, requireConsistent(metric, thresholds)));
        limits = Collections.unmodifiableMap(copy);
        if (consecutiveCriticalForRollback < 1) {
            throw new IllegalArgumentException(
                    "consecutiveCriticalForRollback must be at least 1, got " + consecutiveCriticalForRollback);
        }
        Objects.requireNonNull(onInconclusive, "onInconclusive");
        Objects.requireNonNull(sampleInterval, "sampleInterval");
        if (sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new IllegalArgumentException("sampleInterval must be positive, got " + sampleInterval);
        }
    }

    /**
     * The release guide: error rate warning above 0.1 %, critical above 1 %, rollback above 5 %;
     * p95 latency warning above 200 ms, critical above 500 ms; availability warning below 99.9 %,
     * critical below 99 %, rollback below 95 %; post-deploy test pass rate warning below 98 %,
     * critical below 95 %. Any critical sample rolls back ("any critical incident"); a sample
     * without data pauses the rollout for a person to decide.
     */
    public static AnalysisThresholds defaults() {
        EnumMap<Metric, MetricThresholds> limits = new EnumMap<>(Metric.class);
        limits.put(Metric.ERROR_RATE, MetricThresholds.of(0.1, 1, 5));
        limits.put(Metric.LATENCY_P95, MetricThresholds.of(200, 500));
        limits.put(Metric.AVAILABILITY, MetricThresholds.of(99.9, 99, 95));
        limits.put(Metric.TEST_PASS_RATE, MetricThresholds.of(98, 95));
        return new AnalysisThresholds(limits, 1, InconclusiveAction.PAUSE, DEFAULT_SAMPLE_INTERVAL);
    }

    public AnalysisThresholds with(Metric metric, MetricThresholds thresholds) {
        EnumMap<Metric, MetricThresholds> copy = new EnumMap<>(Metric.class);
        copy.putAll(limits);
        copy.put(metric, thresholds);
        return new AnalysisThresholds(copy, consecutiveCriticalForRollback, onInconclusive, sampleInterval);
    }

    public AnalysisThresholds withConsecutiveCriticalForRollback(int count) {
        return new AnalysisThresholds(limits, count, onInconclusive, sampleInterval);
    }

    public AnalysisThresholds withOnInconclusive(InconclusiveAction action) {
        return new AnalysisThresholds(limits, consecutiveCriticalForRollback, action, sampleInterval);
    }

    public AnalysisThresholds withSampleInterval(Duration interval) {
        return new AnalysisThresholds(limits, consecutiveCriticalForRollback, onInconclusive, interval);
    }

    private static MetricThresholds requireConsistent(Metric metric, MetricThresholds thresholds) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(thresholds, metric.label() + " thresholds");
        requireInUnit(metric, "warning", thresholds.warning());
        requireInUnit(metric, "critical", thresholds.critical());
        Direction direction = metric.direction();
        if (direction.isWorse(thresholds.warning(), thresholds.critical())) {
            throw new IllegalArgumentException(
                    metric.label() + " critical threshold " + metric.format(thresholds.critical())
                            + " is milder than its warning threshold " + metric.format(thresholds.warning())
                            + "; a critical bound must be at least as severe (values " + direction.breachSymbol()
                            + " it are worse)");
        }
        thresholds.automaticRollback().ifPresent(rollback -> {
            requireInUnit(metric, "rollback", rollback);
            if (direction.isWorse(thresholds.critical(), rollback)) {
                throw new IllegalArgumentException(metric.label() + " rollback threshold " + metric.format(rollback)
                        + " is milder than its critical threshold " + metric.format(thresholds.critical())
                        + "; automatic rollback must be at least as severe as critical");
            }
        });
        return thresholds;
    }

    private static void requireInUnit(Metric metric, String field, double value) {
        if (!metric.unit().accepts(value)) {
            throw new IllegalArgumentException(metric.label() + " " + field + " threshold " + value
                    + " is out of range for " + metric.unit().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** One line per metric, for logs and help: {@code error rate: warning > 0.10 %, critical > 1.00 %, ...}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        limits.forEach((metric, t) -> {
            String symbol = metric.direction().breachSymbol();
            text.append(metric.label())
                    .append(": warning ")
                    .append(symbol)
                    .append(' ')
                    .append(metric.format(t.warning()))
                    .append(", critical ")
                    .append(symbol)
                    .append(' ')
                    .append(metric.format(t.critical()));
            t.automaticRollback()
                    .ifPresent(r -> text.append(", rollback ")
                            .append(symbol)
                            .append(' ')
                            .append(metric.format(r)));
            text.append('\n');
        });
        text.append("rollback after ")
                .append(consecutiveCriticalForRollback)
                .append(" consecutive critical sample(s); without data: ")
                .append(onInconclusive.name().toLowerCase(java.util.Locale.ROOT))
                .append("; one sample every ")
                .append(Durations.format(sampleInterval));
        return text.toString();
    }
}
