package io.genesis.kubernetes.route;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.genesis.core.policy.Percentage;
import io.genesis.core.target.Health;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.workload.Progress;
import io.genesis.kubernetes.workload.Workloads;
import java.util.Objects;

/**
 * An HTTPRoute canary whose Deployment is sized by its weight, as Argo Rollouts sizes a canary
 * behind a traffic router: {@code ceil(total × weight)} pods, never fewer than one, so a 5 % canary
 * of 20 pods runs 1 pod, not 20. Before the route gives the canary more traffic, the canary is
 * scaled up and must be fully available; when its weight falls, the route moves first and the
 * canary shrinks once the route reports the new weight. Weight 0 leaves the canary's size alone:
 * promote and rollback scale it down after confirming 0 %.
 */
public final class SizedCanaryRouter implements WeightRouter {

    private final WeightRouter route;
    private final Workloads workloads;
    private final String canary;
    private final EventSink events;

    public SizedCanaryRouter(WeightRouter route, Workloads workloads, String canary, EventSink events) {
        this.route = Objects.requireNonNull(route, "route");
        this.workloads = Objects.requireNonNull(workloads, "workloads");
        this.canary = Objects.requireNonNull(canary, "canary");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public String describe() {
        return route.describe() + ", canary sized by weight";
    }

    @Override
    public void setWeight(Percentage weight) {
        Deployment now = workloads.require(canary);
        int size = size(now, weight);
        int current = Workloads.replicas(now);
        if (size > current) {
            workloads.scale(canary, size);
            events.emit(canary + " scaled to " + size + " pods for " + weight + " of the traffic; the route moves"
                    + " once they are all available");
            return;
        }
        route.setWeight(weight);
    }

    @Override
    public boolean verifyWeight(Percentage weight) {
        return weightApplied(weight).isHealthy();
    }

    @Override
    public Health weightApplied(Percentage weight) {
        Deployment now = workloads.require(canary);
        int size = size(now, weight);
        Progress ready = Progress.availableAt(now, size);
        if (ready.state() == Progress.State.FAILED) {
            throw new IllegalStateException(ready.message());
        }
        if (ready.state() != Progress.State.COMPLETE) {
            return Health.progressing(
                    canary + " to have " + size + " pods available for " + weight + ": " + ready.message());
        }
        route.setWeight(weight);
        Health applied = route.weightApplied(weight);
        if (!applied.isHealthy()) {
            return applied;
        }
        if (Workloads.replicas(now) > size) {
            workloads.scale(canary, size);
        }
        return applied;
    }

    /** The canary's pods for {@code weight}: its share of the total, rounded up, at least one; unchanged at 0 %. */
    static int size(int total, int current, Percentage weight) {
        if (weight.value() == 0) {
            return current;
        }
        return Math.max(1, (int) Math.ceil(total * weight.value() / 100.0));
    }

    private static int size(Deployment canary, Percentage weight) {
        String recorded = Workloads.annotation(canary, Names.TOTAL_REPLICAS);
        if (recorded.isEmpty()) {
            throw new IllegalStateException("deployment " + canary.getMetadata().getName() + " has no "
                    + Names.TOTAL_REPLICAS + " annotation: it was not deployed by Genesis as a canary; deploy the"
                    + " candidate again");
        }
        return size(Integer.parseInt(recorded), Workloads.replicas(canary), weight);
    }
}
