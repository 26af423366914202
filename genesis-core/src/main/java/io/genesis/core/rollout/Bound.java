package io.genesis.core.rollout;

import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookContext;
import io.genesis.core.hook.HookRun;
import io.genesis.core.hook.HookRunner;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentTarget;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The target and metric source one rollout drives, opened from its stored request. */
final class Bound {

    private final DeploymentTarget target;
    private final MetricSourceFactory metricSources;
    private final RolloutRequest request;
    private final DeploymentContext context;
    private final HookRunner hookRunner;
    /** The environment's freeze windows as the host read them when the rollout was bound. */
    private final FreezeCalendar freezes;
    /** The hooks this engine started for the rollout, by slot; a restarted engine has none of them. */
    private final Map<String, HookRun> hooks = new ConcurrentHashMap<>();

    private MetricSource metrics;

    Bound(
            DeploymentTarget target,
            MetricSourceFactory metricSources,
            HookRunner hookRunner,
            FreezeCalendar freezes,
            RolloutId id,
            RolloutRequest request) {
        this.target = Objects.requireNonNull(target, "target");
        this.metricSources = metricSources;
        this.hookRunner = hookRunner;
        this.freezes = freezes == null ? FreezeCalendar.NONE : freezes;
        this.request = request;
        this.context = new DeploymentContext(id.value(), request.key(), request.version(), request.commit());
    }

    DeploymentTarget target() {
        return target;
    }

    DeploymentContext context() {
        return context;
    }

    FreezeCalendar freezes() {
        return freezes;
    }

    /** Starts {@code hook} in {@code slot} (a step, or a rollback's hook), replacing any run left there. */
    HookRun startHook(String slot, Hook hook, HookContext hookContext) {
        HookRun run = hookRunner.start(hook, hookContext);
        HookRun left = hooks.put(slot, run);
        if (left != null) {
            left.stop();
        }
        return run;
    }

    /** The hook running in {@code slot}, unless this engine did not start it (it restarted since). */
    Optional<HookRun> hook(String slot) {
        return Optional.ofNullable(hooks.get(slot));
    }

    /** Forgets the hook in {@code slot}, stopping it if it still runs. */
    void endHook(String slot) {
        HookRun run = hooks.remove(slot);
        if (run != null) {
            run.stop();
        }
    }

    /** Stops every hook still running: the rollout has settled. */
    void stopHooks() {
        hooks.keySet().forEach(this::endHook);
    }

    /** The metric source, opened on first use; a plan that analyses always names one (checked at submit). */
    synchronized MetricSource metrics() {
        if (metrics == null) {
            metrics = metricSources.open(request.metrics());
        }
        return metrics;
    }
}
