package io.jenkins.plugins.genesis.gate;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.FindingBounds;
import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.Percentage;
import io.genesis.core.policy.RefPolicy;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gate part of an environment, as plain data. The controller resolves the environment from
 * the global configuration; the agent, which has no configuration, rebuilds the engine's
 * environment from this copy (thresholds, criticalities, whether force is allowed). Approvals and allowed refs are not the gate's business and do not
 * travel.
 */
final class EnvironmentGate implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final double minPassRate;
    /** Coverage bars by metric label ({@code line}, {@code branch}, ...). */
    private final LinkedHashMap<String, Double> minCoverage;

    private final Double maxCoverageDrop;
    private final boolean allowLoosening;
    /** Criticality by criterion kind key ({@code passRate}, ...); absent kinds are error. */
    private final LinkedHashMap<String, String> criticality;

    private final boolean allowForce;
    /** Security finding bounds by name ({@code critical}, ..., {@code secrets}); absent ones are not gated. */
    private final LinkedHashMap<String, Long> findingBounds;

    private EnvironmentGate(
            String name,
            double minPassRate,
            LinkedHashMap<String, Double> minCoverage,
            Double maxCoverageDrop,
            boolean allowLoosening,
            LinkedHashMap<String, String> criticality,
            boolean allowForce,
            LinkedHashMap<String, Long> findingBounds) {
        this.name = name;
        this.minPassRate = minPassRate;
        this.minCoverage = minCoverage;
        this.maxCoverageDrop = maxCoverageDrop;
        this.allowLoosening = allowLoosening;
        this.criticality = criticality;
        this.allowForce = allowForce;
        this.findingBounds = findingBounds;
    }

    static EnvironmentGate of(Environment environment) {
        GateThresholds gate = environment.gate();
        LinkedHashMap<String, Double> coverage = new LinkedHashMap<>();
        gate.minCoverage().forEach((metric, bar) -> coverage.put(metric.label(), bar.value()));
        LinkedHashMap<String, Long> bounds = new LinkedHashMap<>();
        for (String bound : FindingBounds.NAMES) {
            gate.findings().get(bound).ifPresent(max -> bounds.put(bound, max));
        }
        LinkedHashMap<String, String> levels = new LinkedHashMap<>();
        gate.criticality().forEach((kind, level) -> levels.put(kind.key(), level.key()));
        return new EnvironmentGate(
                environment.name(),
                gate.minPassRate().value(),
                coverage,
                gate.maxCoverageDrop().orElse(null),
                gate.allowLoosening(),
                levels,
                environment.allowForce(),
                bounds);
    }

    String name() {
        return name;
    }

    /** The engine's environment with these thresholds, no approval and no allowed refs. */
    Environment toEngine() {
        Map<CoverageMetric, Percentage> coverage = new EnumMap<>(CoverageMetric.class);
        minCoverage.forEach((metric, bar) -> coverage.put(CoverageMetric.named(metric), new Percentage(bar)));
        Map<CriterionKind, Criticality> levels = new EnumMap<>(CriterionKind.class);
        criticality.forEach((kind, level) -> levels.put(CriterionKind.parse(kind), Criticality.parse(kind, level)));
        GateThresholds thresholds = new GateThresholds(
                        new Percentage(minPassRate),
                        coverage,
                        Optional.ofNullable(maxCoverageDrop),
                        allowLoosening,
                        levels)
                .withFindings(FindingBounds.of(bound -> Optional.ofNullable(findingBounds.get(bound))));
        return new Environment(
                name, thresholds, ApprovalPolicy.none(), new RefPolicy(List.of(), List.of()), allowForce, false);
    }
}
