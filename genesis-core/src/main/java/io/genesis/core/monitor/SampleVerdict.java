package io.genesis.core.monitor;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One sample, judged: its readings and the worst of their classifications.
 *
 * @param window the span sampled
 * @param readings one reading per analysed metric
 * @param classification the worst reading's classification; inconclusive when nothing was read
 */
public record SampleVerdict(MetricWindow window, List<Reading> readings, Classification classification) {

    public SampleVerdict {
        Objects.requireNonNull(window, "window");
        readings = List.copyOf(readings);
        Objects.requireNonNull(classification, "classification");
    }

    /** Whether a reading is past its automatic-rollback bound. */
    public boolean demandsRollback() {
        return readings.stream().anyMatch(Reading::rollback);
    }

    /** The explanations of readings classified {@code wanted}, joined: the measured values behind a decision. */
    public String explain(Classification wanted) {
        return readings.stream()
                .filter(r -> r.classification() == wanted)
                .map(Reading::explanation)
                .collect(Collectors.joining("; "));
    }

    /** Every reading's explanation, joined. */
    public String explainAll() {
        return readings.stream().map(Reading::explanation).collect(Collectors.joining("; "));
    }
}
