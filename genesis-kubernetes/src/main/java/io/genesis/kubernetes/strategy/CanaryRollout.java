package io.genesis.kubernetes.strategy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.policy.Percentage;
import io.genesis.core.target.Health;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.manifest.Manifest;
import io.genesis.kubernetes.route.GatewayRouteRouter;
import io.genesis.kubernetes.route.ReplicaRatioRouter;
import io.genesis.kubernetes.route.Services;
import io.genesis.kubernetes.route.SizedCanaryRouter;
import io.genesis.kubernetes.route.WeightRouter;
import io.genesis.kubernetes.workload.JsonPatch;
import io.genesis.kubernetes.workload.Progress;
import io.genesis.kubernetes.workload.Workloads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Canary: the stable Deployment {@code <deployment>} (pods labelled {@code track: stable}) and a
 * canary Deployment {@code <deployment>-canary} ({@code track: canary}). Traffic moves by the
 * weights of an HTTPRoute between the stable Service and {@code <deployment>-canary}; without a
 * route, one Service selects both tracks and weights become replica counts, an approximation
 * every step states. Promote rolls the stable Deployment to the canary's template; the engine
 * polls until it has finished and then it gets all traffic.
 */
public final class CanaryRollout implements KubernetesStrategy {

    private final Application app;
    private final Layout layout;
    private final Workloads workloads;
    private final Services services;
    private final WeightRouter router;
    private final EventSink events;

    public CanaryRollout(KubernetesClient client, Application app, Layout layout, EventSink events) {
        this.app = Objects.requireNonNull(app, "app");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.events = Objects.requireNonNull(events, "events");
        this.workloads = new Workloads(client, app.namespace());
        this.services = new Services(client, app.namespace());
        this.router = layout.httpRoute().isEmpty()
                ? new ReplicaRatioRouter(workloads, app.deployment(), canaryName(), events)
                : new SizedCanaryRouter(
                        new GatewayRouteRouter(
                                client,
                                app.namespace(),
                                layout.httpRoute(),
                                layout.stableService(),
                                layout.canaryService(),
                                events),
                        workloads,
                        canaryName(),
                        events);
    }

    @Override
    public String describe() {
        return "canary " + app.namespace() + "/" + app.deployment();
    }

    @Override
    public Optional<WeightRouter> router() {
        return Optional.of(router);
    }

    /** The canary Deployment's name. */
    public String canaryName() {
        return app.deployment() + "-canary";
    }

    private boolean routed() {
        return !layout.httpRoute().isEmpty();
    }

    /** The manifests carry what surrounds the two tracks, whose Deployments Genesis derives and promotes. */
    @Override
    public List<Manifest> admit(List<Manifest> manifests, Release release) {
        Admission.refuseDeployments(
                manifests,
                Set.of(app.deployment(), canaryName()),
                describe(),
                "the canary is derived from stable with the new image, and promote rolls stable to the canary's"
                        + " template");
        return manifests;
    }

    @Override
    public void deployCandidate(Release release) {
        Deployment stable = workloads.require(app.deployment());
        requireStableTrack(stable);
        Service stableService = services.require(layout.stableService());
        Map<String, String> selector = Services.selector(stableService);
        int total = Workloads.replicas(stable);
        int replicas;
        Map<String, String> extra = new LinkedHashMap<>();
        if (routed()) {
            if (!"stable".equals(selector.get(Names.TRACK))) {
                throw new RolloutFailedException("Service " + layout.stableService() + " also selects the canary's"
                        + " pods: with an HTTPRoute, add " + Names.TRACK + ": stable to its selector");
            }
            // Sized by its weight from here on (SizedCanaryRouter); one pod to start and smoke-check.
            replicas = 1;
        } else {
            if (selector.containsKey(Names.TRACK)) {
                throw new RolloutFailedException("Service " + layout.stableService() + " selects " + Names.TRACK
                        + ": " + selector.get(Names.TRACK) + " only: without a traffic router the canary gets"
                        + " traffic by its share of pods, so the Service must select both tracks (remove "
                        + Names.TRACK + " from its selector) or configure an HTTPRoute");
            }
            replicas = 1;
        }
        extra.put(Names.TOTAL_REPLICAS, Integer.toString(total));
        Deployment desired =
                Templates.derive(stable, app, canaryName(), Names.TRACK, "canary", release, replicas, extra);
        Optional<Deployment> existing = workloads.find(canaryName());
        if (existing.isEmpty()) {
            workloads.create(desired);
        } else if (!Templates.ownedBy(existing.get(), release)) {
            workloads.patch(canaryName(), Templates.update(existing.get(), desired));
        }
        if (routed()) {
            Map<String, String> canarySelector = new LinkedHashMap<>(selector);
            canarySelector.put(Names.TRACK, "canary");
            Optional<Service> canaryService = services.find(layout.canaryService());
            if (canaryService.isEmpty()) {
                services.createBeside(stableService, layout.canaryService(), canarySelector);
            } else if (!canarySelector.equals(Services.selector(canaryService.get()))) {
                services.select(canaryService.get(), canarySelector, Map.of(Names.ROLLOUT, release.rolloutId()));
            }
            events.emit(describe() + ": " + release.image() + " deployed as " + canaryName() + " (1 pod to start;"
                    + " sized by its weight from here on, at least one) behind Service " + layout.canaryService()
                    + "; " + router.describe() + " moves traffic");
        } else {
            events.emit(describe() + ": " + release.image() + " deployed as " + canaryName() + " (1 replica); no"
                    + " traffic router, so Service " + layout.stableService() + " sends it about 1 of "
                    + (total + 1) + " requests as soon as its pod is ready, and later weights are approximated by"
                    + " replica counts out of " + total);
        }
    }

    @Override
    public Observation health(Release release) {
        Optional<Deployment> canary = workloads.find(canaryName());
        if (canary.isEmpty() || !Templates.ownedBy(canary.get(), release)) {
            return Observation.unhealthy(noCandidate(release));
        }
        return Observation.of(Progress.of(canary.get()));
    }

    @Override
    public Observation smokeCheck(Release release) {
        Optional<Deployment> canary = workloads.find(canaryName());
        if (canary.isEmpty() || !Templates.ownedBy(canary.get(), release)) {
            return Observation.unhealthy(noCandidate(release));
        }
        long ready = workloads.readyPods(Templates.podLabels(canary.get())).stream()
                .filter(pod -> pod.getSpec().getContainers().stream()
                        .anyMatch(c -> release.image().equals(c.getImage())))
                .count();
        if (ready == 0) {
            return Observation.unhealthy("no ready pod of " + canaryName() + " runs " + release.image()
                    + ": check its pods (kubectl describe pods -l " + Names.TRACK + "=canary)");
        }
        return Observation.healthy(ready + " ready pod(s) of " + canaryName() + " run " + release.image());
    }

    /**
     * Sends the stable Deployment the canary's template and returns: the rollout of stable takes
     * minutes on a real cluster, and the engine follows it by polling {@link #promoted}, so nothing
     * holds the rollout (or its lease heartbeat) meanwhile. The canary keeps its share until stable
     * has finished.
     */
    @Override
    public void promote(Release release) {
        Deployment canary = workloads
                .find(canaryName())
                .filter(d -> Templates.ownedBy(d, release))
                .orElseThrow(() -> new RolloutFailedException(noCandidate(release)));
        Deployment stable = workloads.require(app.deployment());
        if (!Templates.ownedBy(stable, release)) {
            Map<String, String> annotations = Templates.annotations(
                    release, Map.of(Names.PREVIOUS_REVISION, Long.toString(Workloads.revision(stable))));
            JsonPatch patch = new JsonPatch()
                    .replace("/spec/template", Templates.template(stable, app, Names.TRACK, "stable", release))
                    .annotations(stable.getMetadata().getAnnotations(), annotations);
            if (!routed()) {
                patch.replace("/spec/replicas", Integer.parseInt(Workloads.annotation(canary, Names.TOTAL_REPLICAS)));
            }
            workloads.patch(app.deployment(), patch);
            events.emit(describe() + ": rolling stable " + app.deployment() + " to " + release.image()
                    + " while the canary keeps its share");
        }
    }

    /**
     * Promote is complete once stable has finished rolling to the canary's template and the router
     * reports 0 % to the canary as applied (route status at the new generation, or replica counts
     * reached): only then may the canary be scaled down without dropping requests.
     */
    @Override
    public Observation promoted(Release release) {
        Deployment stable = workloads.require(app.deployment());
        if (!Templates.ownedBy(stable, release)) {
            return Observation.unhealthy("stable deployment " + app.deployment() + " does not carry rollout "
                    + release.rolloutId() + ": promote was not sent or was replaced by a newer rollout");
        }
        Progress progress = Progress.of(stable);
        if (progress.state() == Progress.State.FAILED) {
            return Observation.unhealthy("stable deployment " + app.deployment() + " did not finish rolling to "
                    + release.image() + ": " + progress.message());
        }
        if (progress.state() == Progress.State.PROGRESSING) {
            return Observation.progressing("stable rolling to " + release.image() + ": " + progress.message());
        }
        router.setWeight(Percentage.ZERO);
        Health zero = router.weightApplied(Percentage.ZERO);
        if (!zero.isHealthy()) {
            return Observation.progressing(
                    router.describe() + " has not applied 0 % to the canary yet: " + zero.message());
        }
        events.emit(describe() + ": stable " + app.deployment() + " runs " + release.image() + " and takes all"
                + " traffic");
        return Observation.healthy(
                "stable " + app.deployment() + " runs " + release.image() + " and takes all traffic");
    }

    @Override
    public void scaleDownPrevious(Release release) {
        Deployment stable = workloads.require(app.deployment());
        if (!Templates.ownedBy(stable, release)) {
            throw new RolloutFailedException("stable deployment " + app.deployment() + " does not run rollout "
                    + release.rolloutId() + " yet: promote before scaling the canary down");
        }
        workloads.scale(canaryName(), 0);
        events.emit(describe() + ": canary " + canaryName() + " scaled down");
    }

    @Override
    public void rollback(Release release) {
        Optional<Deployment> canary = workloads.find(canaryName()).filter(d -> Templates.ownedBy(d, release));
        Deployment stable = workloads.require(app.deployment());
        boolean stableChanged = Templates.ownedBy(stable, release) && !Templates.rolledBack(stable, release);
        if (canary.isEmpty() && !stableChanged) {
            events.emit(describe() + ": nothing to roll back, rollout " + release.rolloutId() + " changed nothing");
            return;
        }
        if (routed() || canary.isPresent()) {
            router.setWeight(Percentage.ZERO);
        }
        if (stableChanged) {
            long previous = parseRevision(Workloads.annotation(stable, Names.PREVIOUS_REVISION));
            workloads.undoTo(app.deployment(), previous, Map.of(Names.ROLLED_BACK, release.rolloutId()), false);
            events.emit(describe() + ": stable " + app.deployment() + " rolled back to revision " + previous);
        }
        events.emit(describe() + ": rolled back; stable takes all traffic");
    }

    @Override
    public void retireCandidate(Release release) {
        Optional<Deployment> canary = workloads.find(canaryName()).filter(d -> Templates.ownedBy(d, release));
        if (canary.isPresent() && Workloads.replicas(canary.get()) > 0) {
            workloads.scale(canaryName(), 0);
            events.emit(describe() + ": canary " + canaryName() + " scaled down");
        }
    }

    private void requireStableTrack(Deployment stable) {
        Map<String, String> matchLabels = stable.getSpec().getSelector() == null
                ? null
                : stable.getSpec().getSelector().getMatchLabels();
        if (matchLabels == null || !"stable".equals(matchLabels.get(Names.TRACK))) {
            throw new RolloutFailedException("deployment " + app.deployment() + " must select " + Names.TRACK
                    + ": stable (in spec.selector.matchLabels and its pod labels) so that the canary's pods ("
                    + Names.TRACK + ": canary) are not taken for its own");
        }
    }

    static long parseRevision(String value) {
        try {
            long revision = Long.parseLong(value.trim());
            if (revision > 0) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RolloutFailedException("the revision that was stable before this rollout is unknown ('" + value
                + "'); roll back by hand with kubectl rollout undo");
    }

    private String noCandidate(Release release) {
        return "deployment " + canaryName() + " does not carry rollout " + release.rolloutId()
                + ": the canary was never deployed or was replaced by a newer rollout";
    }

    /**
     * The Services and route of a canary application.
     *
     * @param stableService the Service users reach
     * @param canaryService the Service on the canary's pods (with an HTTPRoute only); created when missing
     * @param httpRoute the Gateway API HTTPRoute that splits traffic, or empty for replica ratios
     */
    public record Layout(String stableService, String canaryService, String httpRoute) {

        public Layout {
            Application.requireName("stableService", stableService);
            Application.requireName("canaryService", canaryService);
            httpRoute = httpRoute == null ? "" : httpRoute;
            if (!httpRoute.isEmpty()) {
                Application.requireName("httpRoute", httpRoute);
            }
        }

        /** {@code <deployment>} and {@code <deployment>-canary}, no route. */
        public static Layout defaults(Application app) {
            return new Layout(app.deployment(), app.deployment() + "-canary", "");
        }

        public Layout withHttpRoute(String route) {
            return new Layout(stableService, canaryService, route);
        }
    }
}
