package io.genesis.kubernetes.strategy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.genesis.core.policy.Percentage;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.manifest.ImageSubstitution;
import io.genesis.kubernetes.manifest.Manifest;
import io.genesis.kubernetes.route.WeightRouter;
import io.genesis.kubernetes.workload.JsonPatch;
import io.genesis.kubernetes.workload.Progress;
import io.genesis.kubernetes.workload.Workloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rolling: one Deployment whose image Genesis changes, with the surge and unavailability bounds of
 * the release guide (25 % surge, none unavailable, by default). The Deployment controller replaces
 * pods within those bounds; Genesis holds it at the end of each batch ({@link BatchGate}: paused
 * once the batch's share runs the new template, resumed by the next batch), follows its status and,
 * on rollback, puts the pod template of the revision that was stable before back. When the manifest
 * folder holds the Deployment, applying it starts the update instead of the image patch ({@link
 * #admit}).
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
        rollTo(release, Percentage.HUNDRED, DEFAULT_MAX_SURGE, DEFAULT_MAX_UNAVAILABLE);
    }

    /** As {@link #admit(List, Release, Percentage, Percentage)} with the default bounds. */
    @Override
    public List<Manifest> admit(List<Manifest> manifests, Release release) {
        return admit(manifests, release, Percentage.HUNDRED, DEFAULT_MAX_SURGE, DEFAULT_MAX_UNAVAILABLE);
    }

    /**
     * When the folder holds the application's Deployment, applying it is the rolling update (its
     * first batch, of {@code share}): it gets what {@link #rollTo} would patch in (the rollout's
     * annotations, the revision to roll back to, the batch, the bounds, not paused) and goes last, so its new pods start once the objects they read exist, and a
     * Deployment that carries the rollout means the whole folder was applied. {@link #rollTo} then
     * finds the update under way and only follows it.
     */
    public List<Manifest> admit(
            List<Manifest> manifests,
            Release release,
            Percentage share,
            Percentage maxSurge,
            Percentage maxUnavailable) {
        Optional<Manifest> own = manifests.stream()
                .filter(m -> m.is(Admission.DEPLOYMENT, app.deployment()))
                .findFirst();
        if (own.isEmpty()) {
            return manifests;
        }
        Manifest manifest = own.get();
        if (!(manifest.object() instanceof Deployment fromFolder)) {
            throw new RolloutFailedException("manifest " + manifest.file() + ": Deployment " + app.deployment()
                    + " has apiVersion " + manifest.object().getApiVersion() + ": use apps/v1; nothing was written");
        }
        Deployment live = workloads
                .find(app.deployment())
                .orElseThrow(() -> new RolloutFailedException("manifest " + manifest.file() + ": Deployment "
                        + app.deployment() + " does not exist in namespace " + app.namespace() + " yet: create it"
                        + " once (kubectl apply -f " + manifest.file() + ") before its first rolling rollout, so that"
                        + " a rollback has a revision to return to; nothing was written"));
        refuseRecreate(live, "manifest " + manifest.file() + ": ");
        refuseRecreate(fromFolder, "manifest " + manifest.file() + ": ");
        Deployment desired = Serialization.clone(fromFolder);
        String image = imageIn(desired, manifest);
        if (!release.image().equals(image)) {
            throw new RolloutFailedException("manifest " + manifest.file() + ": Deployment " + app.deployment()
                    + " runs image " + image + ", whose repository is not that of the release's image "
                    + release.image() + ": write the image as " + ImageSubstitution.repository(release.image())
                    + ":<any tag> so that Genesis puts in the one to deploy; nothing was written");
        }
        String previous = Templates.ownedBy(live, release)
                // A repeat after a crash: live already runs this release, the revision to return to is recorded.
                ? Workloads.annotation(live, Names.PREVIOUS_REVISION)
                : Long.toString(Workloads.revision(live));
        Map<String, String> annotations = new LinkedHashMap<>(
                desired.getMetadata().getAnnotations() == null
                        ? Map.of()
                        : desired.getMetadata().getAnnotations());
        annotations.putAll(Templates.annotations(
                release, previous == null ? Map.of() : Map.of(Names.PREVIOUS_REVISION, previous)));
        annotations.put(Names.BATCH, BatchGate.format(share));
        desired.getMetadata().setAnnotations(annotations);
        desired.getSpec().setPaused(false);
        desired.getSpec()
                .setStrategy(new DeploymentStrategyBuilder()
                        .withType("RollingUpdate")
                        .withNewRollingUpdate()
                        .withMaxSurge(new IntOrString(percent(maxSurge)))
                        .withMaxUnavailable(new IntOrString(percent(maxUnavailable)))
                        .endRollingUpdate()
                        .build());
        List<Manifest> admitted = new ArrayList<>(manifests);
        admitted.remove(manifest);
        admitted.add(manifest.with(desired));
        return admitted;
    }

    /** Whether the rolling update of {@code release} was started: the Deployment carries the rollout. */
    public boolean started(Release release) {
        return workloads
                .find(app.deployment())
                .filter(d -> Templates.ownedBy(d, release))
                .isPresent();
    }

    private String imageIn(Deployment deployment, Manifest manifest) {
        try {
            return Templates.image(deployment, app);
        } catch (IllegalArgumentException e) {
            throw new RolloutFailedException("manifest " + manifest.file() + ": " + e.getMessage());
        }
    }

    /** Rolls the whole update at once, ungated: {@link #rollTo(Release, Percentage, Percentage, Percentage)} to 100 %. */
    public void rollTo(Release release, Percentage maxSurge, Percentage maxUnavailable) {
        rollTo(release, Percentage.HUNDRED, maxSurge, maxUnavailable);
    }

    /**
     * Starts or resumes the rolling update toward {@code share} of the replicas: the first batch
     * sets the release's image, the rolling bounds, the batch and the revision to roll back to in
     * one patch; a later batch records its share and resumes the paused Deployment. {@link #health}
     * pauses it again once the batch's share runs the new template. Repeated calls for the same
     * batch change nothing.
     */
    public void rollTo(Release release, Percentage share, Percentage maxSurge, Percentage maxUnavailable) {
        Deployment current = workloads.require(app.deployment());
        int index = Workloads.containerIndex(current, app.container());
        String batch = BatchGate.format(share);
        if (Templates.ownedBy(current, release) && release.image().equals(Templates.image(current, app))) {
            if (batch.equals(Workloads.annotation(current, Names.BATCH)) || !hasBatch(current)) {
                events.emit(describe() + ": deployment " + app.deployment() + " already runs " + release.image()
                        + " for rollout " + release.rolloutId() + " (batch of " + share + "); the Deployment"
                        + " controller replaces the pods, Genesis follows its status");
                return;
            }
            workloads.patch(
                    app.deployment(),
                    BatchGate.resume(new JsonPatch()
                            .annotations(current.getMetadata().getAnnotations(), Map.of(Names.BATCH, batch))));
            events.emit(describe() + ": resuming deployment " + app.deployment() + " for the batch of " + share
                    + " (" + BatchGate.replicas(Workloads.replicas(current), share) + " of "
                    + Workloads.replicas(current) + " replicas)");
            return;
        }
        refuseRecreate(current, "");
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
        Map<String, String> annotations = new LinkedHashMap<>(Templates.annotations(
                release,
                Templates.ownedBy(current, release)
                        ? Map.of()
                        : Map.of(Names.PREVIOUS_REVISION, Long.toString(Workloads.revision(current)))));
        annotations.put(Names.BATCH, batch);
        JsonPatch patch = new JsonPatch()
                .test("/spec/template/spec/containers/" + index + "/name", container)
                .replace("/spec/template/spec/containers/" + index + "/image", release.image())
                // "add" also replaces: the API server defaults the strategy, but a manifest may omit it.
                .add("/spec/strategy", strategy)
                .annotations(current.getMetadata().getAnnotations(), annotations);
        workloads.patch(app.deployment(), BatchGate.resume(patch));
        events.emit(describe() + ": rolling to " + release.image() + " (max surge " + percent(maxSurge)
                + ", max unavailable " + percent(maxUnavailable)
                + (share.isBelow(Percentage.HUNDRED)
                        ? "; first batch " + share + ", the Deployment is paused there until the next batch"
                        : "")
                + ")");
    }

    private static boolean hasBatch(Deployment deployment) {
        return !Workloads.annotation(deployment, Names.BATCH).isEmpty();
    }

    /**
     * A {@code Recreate} Deployment stops every old pod before the first new one starts, on purpose
     * (ReadWriteOnce volumes, a schema one version at a time); switching it to RollingUpdate would
     * stall such pods on Multi-Attach and never be undone.
     */
    private void refuseRecreate(Deployment deployment, String where) {
        if (deployment.getSpec().getStrategy() != null
                && "Recreate".equals(deployment.getSpec().getStrategy().getType())) {
            throw new RolloutFailedException(where + "deployment " + app.deployment() + " uses strategy Recreate,"
                    + " which stops every old pod before a new one starts (often for ReadWriteOnce volumes); Genesis'"
                    + " rolling strategy would switch it to RollingUpdate: deploy it with kubectl, or change its"
                    + " strategy to RollingUpdate yourself if its pods may run side by side; nothing was written");
        }
    }

    @Override
    public Observation health(Release release) {
        Deployment current = workloads.require(app.deployment());
        if (!Templates.ownedBy(current, release)) {
            return Observation.unhealthy("deployment " + app.deployment() + " does not carry rollout "
                    + release.rolloutId() + ": the rolling update was never started or a newer rollout replaced it");
        }
        Optional<Percentage> share = BatchGate.share(current);
        if (share.isEmpty()) {
            return Observation.of(Progress.of(current));
        }
        BatchGate.Verdict verdict = BatchGate.observe(current, workloads.currentReplicaSet(current), share.get());
        if (verdict.pause()) {
            workloads.patch(app.deployment(), BatchGate.hold());
            events.emit(describe() + ": " + verdict.observation().message());
        }
        return verdict.observation();
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
            // Repeated while the engine waits for the pods to roll back: nothing more to do or say.
            return;
        }
        long previous = CanaryRollout.parseRevision(Workloads.annotation(current, Names.PREVIOUS_REVISION));
        // Genesis paused it between batches: the undo resumes it in the same patch.
        workloads.undoTo(app.deployment(), previous, Map.of(Names.ROLLED_BACK, release.rolloutId()), hasBatch(current));
        events.emit(describe() + ": rolled back to the pod template of revision " + previous);
    }

    /**
     * Traffic is back once the Deployment has rolled back to the previous template: every replica
     * updated to it and available, old pods gone (the Services that select the pods follow their
     * EndpointSlices a moment later). Before that the new version still serves part of the traffic.
     */
    @Override
    public Observation trafficRestored(Release release) {
        Deployment current = workloads.require(app.deployment());
        if (!Templates.ownedBy(current, release) || !Templates.rolledBack(current, release)) {
            return Observation.healthy("rollout " + release.rolloutId() + " left " + app.deployment() + " as it was");
        }
        Progress progress = Progress.of(current);
        if (progress.state() == Progress.State.COMPLETE) {
            return Observation.healthy(app.deployment() + " rolled back: " + progress.message());
        }
        return Observation.progressing(app.deployment() + " rolling back: " + progress.message());
    }

    /** {@code 25%}: the form a Deployment's rolling bounds take. */
    static String percent(Percentage share) {
        // Deployments take whole percentages; rounding up keeps a fractional bound from becoming zero.
        return ((long) Math.ceil(share.value())) + "%";
    }
}
