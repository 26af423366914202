package io.genesis.sandbox.target;

import io.genesis.sandbox.metrics.MetricsSnapshot;
import io.genesis.sandbox.metrics.WindowStats;
import io.genesis.sandbox.slot.SlotId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which requests a sandbox metric source measures. */
public enum MetricScope {
    /**
     * The newest version: the candidate while there is one, the stable version once it has been promoted
     * (so an analysis after promote still watches the version just rolled out).
     */
    CANDIDATE("the candidate") {
        @Override
        WindowStats select(MetricsSnapshot snapshot, SlotId newest) {
            return snapshot.slot(newest);
        }
    },
    /** Every request through the proxy, whichever slot answered, including those it could not route. */
    OVERALL("all traffic") {
        @Override
        WindowStats select(MetricsSnapshot snapshot, SlotId newest) {
            return snapshot.overall();
        }
    };

    private final String label;

    MetricScope(String label) {
        this.label = label;
    }

    /** The statistics this scope measures in {@code snapshot}, given the newest version's slot. */
    abstract WindowStats select(MetricsSnapshot snapshot, SlotId newest);

    /** What is measured, for messages: {@code the candidate}, {@code all traffic}. */
    public String label() {
        return label;
    }

    /** The scope called {@code name} ({@code candidate}, {@code overall}); unknown names list the known ones. */
    public static MetricScope named(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(scope -> scope.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sandbox metric scope '" + name + "'; known: "
                        + Arrays.stream(values())
                                .map(scope -> scope.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
    }
}
