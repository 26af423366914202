package io.genesis.core.rollout.plan;

import io.genesis.core.policy.Percentage;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Blue-green: deploy the candidate (green) beside the stable version (blue), smoke-check it, move
 * traffic over in steps with an analysis after each, promote, and keep blue for instant rollback
 * before scaling it down. Without a traffic router the steps collapse into one atomic switch at
 * promote, followed by the last analysis window, and the plan says so. Blue is kept for
 * keep-previous or the target's abandoned scale-down delay, whichever is longer.
 */
public final class BlueGreenStrategy implements Strategy {

    /** The release guide: 10 % → 2 min → 50 % → 2 min → 100 % → 5 min. */
    public static final List<TrafficShift> DEFAULT_SHIFTS = List.of(
            TrafficShift.of(10, Duration.ofMinutes(2)),
            TrafficShift.of(50, Duration.ofMinutes(2)),
            TrafficShift.of(100, Duration.ofMinutes(5)));

    /** The release guide keeps blue for a day. */
    public static final Duration DEFAULT_KEEP_PREVIOUS = Duration.ofHours(24);

    private final List<TrafficShift> shifts;
    private final Duration keepPrevious;

    public BlueGreenStrategy() {
        this(DEFAULT_SHIFTS, DEFAULT_KEEP_PREVIOUS);
    }

    public BlueGreenStrategy(List<TrafficShift> shifts, Duration keepPrevious) {
        this.shifts = List.copyOf(shifts);
        this.keepPrevious = Objects.requireNonNull(keepPrevious, "keepPrevious");
        if (this.shifts.isEmpty()) {
            throw new IllegalArgumentException("blue-green needs at least one traffic shift, ending at 100 %");
        }
    }

    @Override
    public String name() {
        return StrategyName.BLUE_GREEN.label();
    }

    @Override
    public Plan plan(Capabilities capabilities) {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        steps.add(new Step.DeployCandidate());
        steps.add(new Step.SmokeCheck());
        if (capabilities.trafficRouter()) {
            shiftGradually(steps);
        } else {
            switchAtOnce(steps, notes, capabilities);
        }
        steps.add(new Step.ScaleDownPrevious(keep(capabilities)));
        return new Plan(name(), steps, notes);
    }

    /**
     * A keep shorter than the target's abandoned scale-down delay would scale the old slot down
     * while proxies and keep-alive connections still reach it (Kubernetes: kube-proxy and gateways
     * catch up within Argo's 30 s "to ensure IP table propagation"), so the delay is the floor.
     */
    private Duration keep(Capabilities capabilities) {
        Duration delay = capabilities.abandonedScaleDownDelay();
        return keepPrevious.compareTo(delay) >= 0 ? keepPrevious : delay;
    }

    private void shiftGradually(List<Step> steps) {
        for (TrafficShift shift : shifts) {
            steps.add(new Step.SetWeight(shift.weight()));
            analyse(steps, shift.analysis());
        }
        steps.add(new Step.Promote());
    }

    private void switchAtOnce(List<Step> steps, List<String> notes, Capabilities capabilities) {
        steps.add(new Step.Promote());
        TrafficShift last = shifts.get(shifts.size() - 1);
        analyse(steps, last.analysis());
        notes.add(capabilities.target() + " has no traffic router: traffic moves in one atomic switch at promote"
                + " instead of "
                + shifts.stream()
                        .map(TrafficShift::weight)
                        .map(Percentage::toString)
                        .collect(Collectors.joining(" → "))
                + "; only the last analysis window (" + Durations.format(last.analysis()) + ") is kept");
    }

    private static void analyse(List<Step> steps, Duration window) {
        if (!window.isZero()) {
            steps.add(new Step.Analyse(window));
        }
    }
}
