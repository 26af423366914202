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

    @Override
    public void setWeight(Percentage weight) {
        Split split = split(total(), weight);
        workloads.scale(canary, split.canary());
        workloads.scale(stable, split.stable());
        events.emit("no traffic router: " + weight + " to the canary approximated by replicas: " + canary + " "
                + split.canary() + ", " + stable + " " + split.stable() + " of " + split.total() + " pods ("
                + String.format(Locale.ROOT, "%.2f %%", split.share()) + " of pods; real traffic also depends on"
                + " connection reuse)");
    }

    @Override
    public boolean verifyWeight(Percentage weight) {
        Split split = split(total(), weight);
        Deployment canaryNow = workloads.require(canary);
        Deployment stableNow = workloads.require(stable);
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
