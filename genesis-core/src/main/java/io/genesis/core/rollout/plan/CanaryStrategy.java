package io.genesis.core.rollout.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Canary: deploy the candidate, smoke-check it, give it a small share of traffic, analyse, then
 * widen its share step by step to 100 % and promote. Needs a traffic router. After promote the
 * canary keeps running for the target's abandoned scale-down delay (Kubernetes: 30 s, while
 * proxies and keep-alive connections move off it), then it is scaled down.
 */
public final class CanaryStrategy implements Strategy {

    /** The release guide: 5 % → 10 min → 25 % → 50 % → 100 %. */
    public static final List<TrafficShift> DEFAULT_SHIFTS = List.of(
            TrafficShift.of(5, Duration.ofMinutes(10)),
            TrafficShift.of(25, Duration.ZERO),
            TrafficShift.of(50, Duration.ZERO),
            TrafficShift.of(100, Duration.ZERO));

    private final List<TrafficShift> shifts;

    public CanaryStrategy() {
        this(DEFAULT_SHIFTS);
    }

    public CanaryStrategy(List<TrafficShift> shifts) {
        this.shifts = List.copyOf(shifts);
        if (this.shifts.isEmpty()) {
            throw new IllegalArgumentException("canary needs at least one traffic shift, ending at 100 %");
        }
    }

    @Override
    public String name() {
        return StrategyName.CANARY.label();
    }

    @Override
    public Plan plan(Capabilities capabilities) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.DeployCandidate());
        steps.add(new Step.SmokeCheck());
        for (TrafficShift shift : shifts) {
            steps.add(new Step.SetWeight(shift.weight()));
            if (!shift.analysis().isZero()) {
                steps.add(new Step.Analyse(shift.analysis()));
            }
        }
        steps.add(new Step.Promote());
        steps.add(new Step.ScaleDownPrevious(capabilities.abandonedScaleDownDelay()));
        return Plan.of(name(), steps);
    }
}
