package io.genesis.core.gate;

import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.Percentage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bar a gate applies: the environment's thresholds with the request's changes. A request may
 * always tighten (a higher pass rate or coverage, a smaller allowed drop, an extra metric, a stricter
 * criticality), and may
 * loosen only where the environment allows it.
 *
 * @param environment the environment's name, for messages
 * @param thresholds the thresholds in force
 * @param baselineCoverage the coverage to compare with, per metric
 * @param unstableMargin points by which a threshold may be missed for an unstable verdict
 */
public record GatePolicy(
        String environment,
        GateThresholds thresholds,
        Map<CoverageMetric, Percentage> baselineCoverage,
        double unstableMargin) {

    public GatePolicy {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(thresholds, "thresholds");
        EnumMap<CoverageMetric, Percentage> copy = new EnumMap<>(CoverageMetric.class);
        copy.putAll(baselineCoverage);
        baselineCoverage = Collections.unmodifiableMap(copy);
    }

    /**
     * The policy for {@code request}.
     *
     * @throws IllegalArgumentException when the request loosens a threshold its environment does not
     *     let pipelines loosen, or forces a gate where force is not allowed; the message names the
     *     setting, the values and the fix
     */
    public static GatePolicy of(GateRequest request) {
        if (request.forced()) {
            ForceRule.requireAllowed(request.environment());
        }
        String name = request.environment().name();
        GateThresholds base = request.environment().gate();
        GateThresholds effective = base;
        if (request.minPassRate().isPresent()) {
            Percentage asked = request.minPassRate().get();
            if (asked.isBelow(base.minPassRate())) {
                refuseLoosening(base, name, "minPassRate " + asked + " is below " + name + "'s " + base.minPassRate());
            }
            effective = effective.withMinPassRate(asked);
        }
        for (Map.Entry<CoverageMetric, Percentage> bar : request.minCoverage().entrySet()) {
            Optional<Percentage> current =
                    Optional.ofNullable(base.minCoverage().get(bar.getKey()));
            if (current.isPresent() && bar.getValue().isBelow(current.get())) {
                refuseLoosening(
                        base,
                        name,
                        "minimum " + bar.getKey().label() + " coverage " + bar.getValue() + " is below " + name + "'s "
                                + current.get());
            }
            effective = effective.withMinCoverage(bar.getKey(), bar.getValue());
        }
        if (request.maxCoverageDrop().isPresent()) {
            double asked = request.maxCoverageDrop().get();
            if (base.maxCoverageDrop().isPresent()
                    && asked > base.maxCoverageDrop().get()) {
                refuseLoosening(
                        base,
                        name,
                        String.format(
                                Locale.ROOT,
                                "maxCoverageDrop %.2f points is more than %s's %.2f",
                                asked,
                                name,
                                base.maxCoverageDrop().get()));
            }
            effective = effective.withMaxCoverageDrop(asked);
        }
        for (Map.Entry<CriterionKind, Criticality> level : request.criticality().entrySet()) {
            Criticality current = base.criticalityOf(level.getKey());
            if (current.isStricterThan(level.getValue())) {
                refuseLoosening(
                        base,
                        name,
                        "criticality " + level.getValue().key() + " for "
                                + level.getKey().key() + " is weaker than " + name + "'s " + current.key());
            }
            effective = effective.withCriticality(level.getKey(), level.getValue());
        }
        effective = effective.withFindings(
                base.findings().tightenedBy(request.findings().bounds(), name));
        return new GatePolicy(name, effective, request.baselineCoverage(), request.unstableMargin());
    }

    /** The allowed drop below the baseline: as configured, or none at all when only a baseline is given. */
    public double maxCoverageDrop() {
        return thresholds.maxCoverageDrop().orElse(0.0);
    }

    /** What a criterion of {@code kind} does when it is not met, under this policy. */
    public Criticality criticalityOf(CriterionKind kind) {
        return thresholds.criticalityOf(kind);
    }

    private static void refuseLoosening(GateThresholds base, String environment, String what) {
        if (!base.allowLoosening()) {
            throw new IllegalArgumentException(what + ", and " + environment
                    + " does not let a pipeline loosen its gate; remove the setting, ask for a stricter value, or"
                    + " have an administrator allow loosening for " + environment);
        }
    }
}
