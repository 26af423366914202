package io.genesis.kubernetes.strategy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.policy.Percentage;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.route.WeightRouter;
import io.genesis.kubernetes.workload.JsonPatch;
import io.genesis.kubernetes.workload.Progress;
import io.genesis.kubernetes.workload.Workloads;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rolling: one Deployment whose image Genesis changes, with the surge and unavailability bounds of
 * the release guide (25 % surge, none unavailable, by default). The Deployment controller replaces
 * pods in batches within those bounds; Genesis follows its status and, on rollback, puts the pod
 * template of the revision that was stable before back.
 */
public final class RollingRollout implements KubernetesStrategy {

    /** The release guide's bounds. */
    public static final Percentage DEFAULT_MAX_SURGE = new Percentage(25);

    public static final Percentage DEFAULT_MAX_UNAVAILABLE = Percentage.ZERO;

    private final Application app;
    private final Workloads workloads;
    private final EventSink events;

    public RollingRollout(KubernetesClient client, Application app, EventSink events) {
        this.app = Objects.requireNonNull(app, "app");
        this.events = Objects.requireNonNull(events, "events");
        this.workloads = new Workloads(client, app.namespace());
    }

    @Override
    public String describe() {
        return "rolling " + app.namespace() + "/" + app.deployment();
    }

    @Override
    public Optional<WeightRouter> router() {
        return Optional.empty();
    }

    /** Starts the rolling update with the default bounds. */
    @Override
    public void deployCandidate(Release release) {
        rollTo(release, DEFAULT_MAX_SURGE, DEFAULT_MAX_UNAVAILABLE);
    }

    /**
     * Sets the release's image and the rolling bounds in one patch, recording the revision to roll
     * back to; repeated calls for the same release change nothing.
     */
    public void rollTo(Release release, Percentage maxSurge, Percentage maxUnavailable) {
        Deployment current = workloads.require(app.deployment());
        int index = Workloads.containerIndex(current, app.container());
        if (Templates.ownedBy(current, release) && release.image().equals(Templates.image(current, app))) {
            return;
        }
        String container = current.getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(index)
                .getName();
        Map<String, Object> rollingUpdate = new LinkedHashMap<>();
        rollingUpdate.put("maxSurge", percent(maxSurge));
        rollingUpdate.put("maxUnavailable", percent(maxUnavailable));
        Map<String, Object> strategy = new LinkedHashMap<>();
        strategy.put("type", "RollingUpdate");
        strategy.put("rollingUpdate", rollingUpdate);
        Map<String, String> annotations = Templates.annotations(
                release,
                Templates.ownedBy(current, release)
                        ? Map.of()
                        : Map.of(Names.PREVIOUS_REVISION, Long.toString(Workloads.revision(current))));
        JsonPatch patch = new JsonPatch()
                .test("/spec/template/spec/containers/" + index + "/name", container)
                .replace("/spec/template/spec/containers/" + index + "/image", release.image())
                // "add" also replaces: the API server defaults the strategy, but a manifest may omit it.
                .add("/spec/strategy", strategy)
                .annotations(current.getMetadata().getAnnotations(), annotations);
        workloads.patch(app.deployment(), patch);
        events.emit(describe() + ": rolling to " + release.image() + " (max surge " + percent(maxSurge)
                + ", max unavailable " + percent(maxUnavailable) + ")");
    }

    @Override
    public Observation health(Release release) {
        Deployment current = workloads.require(app.deployment());
        if (!Templates.ownedBy(current, release)) {
            return Observation.unhealthy("deployment " + app.deployment() + " does not carry rollout "
                    + release.rolloutId() + ": the rolling update was never started or a newer rollout replaced it");
        }
        return Observation.of(Progress.of(current));
    }

    @Override
    public Observation smokeCheck(Release release) {
        Deployment current = workloads.require(app.deployment());
        long ready = workloads.readyPods(Templates.podLabels(current)).stream()
                .filter(pod -> pod.getSpec().getContainers().stream()
                        .anyMatch(c -> release.image().equals(c.getImage())))
                .count();
        return ready == 0
                ? Observation.unhealthy("no ready pod of " + app.deployment() + " runs " + release.image())
                : Observation.healthy(ready + " ready pod(s) of " + app.deployment() + " run " + release.image());
    }

    /** Follows the rolling update with a watch until it completes or fails, at most {@code timeout}. */
    public Progress await(Duration timeout) {
        return workloads.awaitRollout(app.deployment(), timeout);
    }

    @Override
    public void promote(Release release) {
        Progress progress = workloads.progress(app.deployment());
        if (progress.state() != Progress.State.COMPLETE) {
            throw new RolloutFailedException("cannot promote: " + progress.message());
        }
        events.emit(describe() + ": " + release.image() + " is stable");
    }

    @Override
    public void scaleDownPrevious(Release release) {
        events.emit(describe() + ": nothing to scale down, the Deployment controller removed the old pods");
    }

    @Override
    public void rollback(Release release) {
        Deployment current = workloads.require(app.deployment());
        if (!Templates.ownedBy(current, release)) {
            events.emit(describe() + ": nothing to roll back, rollout " + release.rolloutId() + " changed nothing");
            return;
        }
        if (Templates.rolledBack(current, release)) {
            events.emit(describe() + ": rollout " + release.rolloutId() + " is already rolled back");
            return;
        }
        long previous = CanaryRollout.parseRevision(Workloads.annotation(current, Names.PREVIOUS_REVISION));
        workloads.undoTo(app.deployment(), previous, Map.of(Names.ROLLED_BACK, release.rolloutId()));
        events.emit(describe() + ": rolled back to the pod template of revision " + previous);
    }

    /** {@code 25%}: the form a Deployment's rolling bounds take. */
    static String percent(Percentage share) {
        // Deployments take whole percentages; rounding up keeps a fractional bound from becoming zero.
        return ((long) Math.ceil(share.value())) + "%";
    }
}
