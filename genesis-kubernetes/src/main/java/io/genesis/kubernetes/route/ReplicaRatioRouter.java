package io.genesis.kubernetes.route;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.genesis.core.policy.Percentage;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.workload.Progress;
import io.genesis.kubernetes.workload.Workloads;
import java.util.Locale;
import java.util.Objects;

/**
 * The fallback when no traffic router is configured: one Service selects the pods of both the
 * stable and the canary Deployment, so the canary's share of traffic is roughly its share of
 * ready pods. The split is an approximation in steps of one pod, and every change says so.
 *
 * <p>Capacity is kept as Argo Rollouts' basic canary keeps it: the side that grows is scaled
 * first, and the side that shrinks only once the grown side is fully available, so a canary that
 * crash-loops or whose pods a quota refuses never takes stable's pods away. Only weight 0 — the
 * canary abandoned — scales it away at once.
 */
public final class ReplicaRatioRouter implements WeightRouter {

    private final Workloads workloads;
    private final String stable;
    private final String canary;
    private final EventSink events;

    public ReplicaRatioRouter(Workloads workloads, String stable, String canary, EventSink events) {
        this.workloads = Objects.requireNonNull(workloads, "workloads");
        this.stable = Objects.requireNonNull(stable, "stable");
        this.canary = Objects.requireNonNull(canary, "canary");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public String describe() {
        return "replica ratio of deployments " + workloads.namespace() + "/" + stable + " and " + canary
                + " (approximate)";
    }

    /** Scales up whichever side grows; the other side shrinks in {@link #verifyWeight} once that is available. */
    @Override
    public void setWeight(Percentage weight) {
        Split split = split(total(), weight);
        Deployment canaryNow = workloads.require(canary);
        Deployment stableNow = workloads.require(stable);
        if (split.canary() > Workloads.replicas(canaryNow)) {
            workloads.scale(canary, split.canary());
        }
        if (split.stable() > Workloads.replicas(stableNow)) {
            workloads.scale(stable, split.stable());
        }
        if (weight.value() == 0 && Workloads.replicas(canaryNow) > 0) {
            workloads.scale(canary, 0);
        }
        events.emit("no traffic router: " + weight + " to the canary approximated by replicas: " + canary + " "
                + split.canary() + ", " + stable + " " + split.stable() + " of " + split.total() + " pods ("
                + String.format(Locale.ROOT, "%.2f %%", split.share()) + " of pods; real traffic also depends on"
                + " connection reuse); the side that shrinks waits until the other is fully available");
    }

    /**
     * Applied once both Deployments have their counts and finished rolling. Until then, shrinks
     * the side that must shrink as soon as the other is fully available; a side whose pods are
     * refused ({@code ReplicaFailure}) or that exceeded its progress deadline is reported by an
     * exception, whose message the engine keeps.
     */
    @Override
    public boolean verifyWeight(Percentage weight) {
        Split split = split(total(), weight);
        Deployment canaryNow = workloads.require(canary);
        Deployment stableNow = workloads.require(stable);
        Progress canaryReady = Progress.availableAt(canaryNow, split.canary());
        Progress stableReady = Progress.availableAt(stableNow, split.stable());
        if (Workloads.replicas(stableNow) > split.stable() && canaryReady.state() == Progress.State.COMPLETE) {
            workloads.scale(stable, split.stable());
            return false;
        }
        if (Workloads.replicas(canaryNow) > split.canary() && stableReady.state() == Progress.State.COMPLETE) {
            workloads.scale(canary, split.canary());
            return false;
        }
        for (Progress side : new Progress[] {canaryReady, stableReady}) {
            if (side.state() == Progress.State.FAILED) {
                throw new IllegalStateException(side.message());
            }
        }
        return Workloads.replicas(canaryNow) == split.canary()
                && Workloads.replicas(stableNow) == split.stable()
                && Progress.of(canaryNow).state() == Progress.State.COMPLETE
                && Progress.of(stableNow).state() == Progress.State.COMPLETE;
    }

    /** The pods stable and canary share: recorded on the canary when it was deployed. */
    private int total() {
        Deployment canaryNow = workloads.require(canary);
        String recorded = Workloads.annotation(canaryNow, Names.TOTAL_REPLICAS);
        if (recorded.isEmpty()) {
            throw new IllegalStateException("deployment " + canary + " has no " + Names.TOTAL_REPLICAS
                    + " annotation: it was not deployed by Genesis as a canary; deploy the candidate again");
        }
        return Integer.parseInt(recorded);
    }

    /**
     * The replica counts for {@code weight} of {@code total} pods: the nearest split, but never zero
     * canary pods above 0 % nor zero stable pods below 100 %.
     */
    public static Split split(int total, Percentage weight) {
        if (total < 1) {
            throw new IllegalArgumentException("total replicas must be at least 1, got " + total);
        }
        int canaryPods = (int) Math.round(total * weight.value() / 100.0);
        if (weight.value() > 0 && canaryPods == 0) {
            canaryPods = 1;
        }
        if (weight.value() < 100 && canaryPods == total) {
            canaryPods = total > 1 ? total - 1 : total;
        }
        int stablePods = weight.value() < 100 && total == 1 ? 1 : total - canaryPods;
        return new Split(total, canaryPods, stablePods);
    }

    /**
     * A replica split.
     *
     * @param total the pods shared
     * @param canary the canary's pods
     * @param stable stable's pods
     */
    public record Split(int total, int canary, int stable) {

        /** The canary's share of all pods, in percent. */
        public double share() {
            return canary + stable == 0 ? 0 : 100.0 * canary / (canary + stable);
        }
    }
}
