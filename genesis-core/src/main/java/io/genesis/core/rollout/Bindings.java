package io.genesis.core.rollout;

import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.hook.HookRunner;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The target and metric source each rollout drives, opened once and kept until it has settled. */
final class Bindings {

    private final TargetFactory targets;
    private final MetricSourceFactory metricSources;
    private final HookRunner hookRunner;
    private final Function<DeploymentKey, FreezeCalendar> freezes;
    private final Map<RolloutId, Bound> bound = new ConcurrentHashMap<>();

    Bindings(
            TargetFactory targets,
            MetricSourceFactory metricSources,
            HookRunner hookRunner,
            Function<DeploymentKey, FreezeCalendar> freezes) {
        this.targets = targets;
        this.metricSources = metricSources;
        this.hookRunner = hookRunner;
        this.freezes = freezes;
    }

    /**
     * {@code request} with this engine's freeze windows for its environment added, as it is accepted: the
     * calendar travels with the rollout, so an engine built without calendars (another process, a
     * restarted controller) still holds it at promotion.
     */
    RolloutRequest withFreezes(RolloutRequest request) {
        return request.withFreezes(freezes.apply(request.key()));
    }

    /** Keeps the target submit opened already, so it is not opened twice. */
    void put(RolloutId id, DeploymentTarget target, RolloutRequest request) {
        bound.put(id, new Bound(target, metricSources, hookRunner, calendar(request), id, request));
    }

    /** The windows stored with the rollout, and this engine's own: a host may add windows, never remove them. */
    private FreezeCalendar calendar(RolloutRequest request) {
        return request.freezes().plus(freezes.apply(request.key()));
    }

    /** What {@code state} drives, opened again from its stored request after a restart. */
    Bound of(RolloutState state) {
        return bound.computeIfAbsent(
                state.id(),
                id -> new Bound(
                        targets.open(state.request().key(), state.request().target()),
                        metricSources,
                        hookRunner,
                        calendar(state.request()),
                        id,
                        state.request()));
    }

    void forget(RolloutId id) {
        Bound forgotten = bound.remove(id);
        if (forgotten != null) {
            forgotten.stopHooks();
        }
    }
}
