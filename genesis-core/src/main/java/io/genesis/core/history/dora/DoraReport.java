package io.genesis.core.history.dora;

import io.genesis.core.history.DeploymentRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The DORA figures of each environment over a range of days: the whole range, and each period of it.
 *
 * @param range the days and how they are grouped
 * @param environments each environment with records, by name
 */
public record DoraReport(DoraRange range, List<EnvironmentFigures> environments) {

    public DoraReport {
        Objects.requireNonNull(range, "range");
        environments = List.copyOf(environments);
    }

    /**
     * The figures of {@code records} (any order, any application; a record replaced by a later one with
     * the same id given once, as a store reads it).
     */
    public static DoraReport of(List<DeploymentRecord> records, DoraRange range, FailureWindows windows) {
        Map<String, List<Change>> byEnvironment = new TreeMap<>();
        for (DeploymentRecord record : records) {
            byEnvironment
                    .computeIfAbsent(record.environment(), name -> new ArrayList<>())
                    .add(Change.of(record, windows));
        }
        List<EnvironmentFigures> environments = new ArrayList<>();
        byEnvironment.forEach((name, changes) -> {
            List<DoraFigures> periods = new ArrayList<>();
            for (DoraRange.Span span : range.spans()) {
                periods.add(DoraFigures.of(span, changes, range.zone()));
            }
            environments.add(
                    new EnvironmentFigures(name, DoraFigures.of(range.whole(), changes, range.zone()), periods));
        });
        return new DoraReport(range, environments);
    }

    /**
     * One environment's figures.
     *
     * @param environment its name
     * @param total over the whole range
     * @param periods each period of the range, in order
     */
    public record EnvironmentFigures(String environment, DoraFigures total, List<DoraFigures> periods) {

        public EnvironmentFigures {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(total, "total");
            periods = List.copyOf(periods);
        }
    }
}
