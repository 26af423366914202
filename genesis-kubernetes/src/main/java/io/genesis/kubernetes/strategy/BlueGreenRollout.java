package io.genesis.kubernetes.strategy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.policy.Percentage;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.ApiCall.Kind;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.manifest.Manifest;
import io.genesis.kubernetes.route.GatewayRouteRouter;
import io.genesis.kubernetes.route.ServedEndpoints;
import io.genesis.kubernetes.route.Services;
import io.genesis.kubernetes.route.WeightRouter;
import io.genesis.kubernetes.workload.Progress;
import io.genesis.kubernetes.workload.Workloads;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Blue-green: two Deployments, {@code <deployment>-blue} and {@code <deployment>-green} (labels
 * {@code app} and {@code slot}), one active Service whose selector names the live slot, and a
 * preview Service on the candidate for smoke checks. The candidate goes to the idle slot; promote
 * switches the active Service's selector in one patch; the previous slot stays scaled until {@link
 * #scaleDownPrevious}. With an HTTPRoute, traffic moves in steps between the active and the preview
 * Service first.
 */
public final class BlueGreenRollout implements KubernetesStrategy {

    private final Application app;
    private final Layout layout;
    private final Workloads workloads;
    private final Services services;
    private final ServedEndpoints served;
    private final Optional<WeightRouter> router;
    private final EventSink events;

    public BlueGreenRollout(KubernetesClient client, Application app, Layout layout, EventSink events) {
        this.app = Objects.requireNonNull(app, "app");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.events = Objects.requireNonNull(events, "events");
        this.workloads = new Workloads(client, app.namespace());
        this.services = new Services(client, app.namespace());
        this.served = new ServedEndpoints(client, app.namespace());
        this.router = layout.httpRoute().isEmpty()
                ? Optional.empty()
                : Optional.of(new GatewayRouteRouter(
                        client,
                        app.namespace(),
                        layout.httpRoute(),
                        layout.activeService(),
                        layout.previewService(),
                        events));
    }

    @Override
    public String describe() {
        return "blue-green " + app.namespace() + "/" + app.deployment();
    }

    @Override
    public Optional<WeightRouter> router() {
        return router;
    }

    /** The Deployment name of {@code slot}. */
    public String deploymentOf(Slot slot) {
        return app.deployment() + "-" + slot.label();
    }

    /**
     * The manifests carry what surrounds the slots; the slot Deployments are derived from the live
     * one for each release, and the slot selector of the active and preview Services is switched by
     * promote and rollback.
     */
    @Override
    public List<Manifest> admit(List<Manifest> manifests, Release release) {
        Admission.refuseDeployments(
                manifests,
                Set.of(deploymentOf(Slot.BLUE), deploymentOf(Slot.GREEN)),
                describe(),
                "each release copies the live slot's Deployment into the idle slot with the new image");
        Admission.refuseSelectorKey(
                manifests, Set.of(layout.activeService(), layout.previewService()), Names.SLOT, describe());
        return manifests;
    }

    @Override
    public void deployCandidate(Release release) {
        Service active = services.require(layout.activeService());
        Slot live = liveSlot(active);
        Slot candidate = live.other();
        Deployment stable = workloads.require(deploymentOf(live));
        Deployment desired = Templates.derive(
                stable,
                app,
                deploymentOf(candidate),
                Names.SLOT,
                candidate.label(),
                release,
                Workloads.replicas(stable),
                Map.of());
        Optional<Deployment> existing = workloads.find(deploymentOf(candidate));
        if (existing.isEmpty()) {
            workloads.create(desired);
        } else if (!Templates.ownedBy(existing.get(), release)
                || !release.image().equals(Templates.image(existing.get(), app))
                || Workloads.replicas(existing.get()) != Workloads.replicas(stable)) {
            workloads.patch(deploymentOf(candidate), Templates.update(existing.get(), desired));
        }
        Map<String, String> previewSelector = slotSelector(active, candidate);
        Optional<Service> preview = services.find(layout.previewService());
        if (preview.isEmpty()) {
            services.createBeside(active, layout.previewService(), previewSelector);
        } else if (!previewSelector.equals(Services.selector(preview.get()))) {
            services.select(preview.get(), previewSelector, Map.of(Names.ROLLOUT, release.rolloutId()));
        }
        events.emit(describe() + ": " + release.image() + " deployed to slot " + candidate.label() + " ("
                + deploymentOf(candidate) + ", " + Workloads.replicas(stable) + " replicas); " + live.label()
                + " serves users; preview Service " + layout.previewService() + " selects " + candidate.label());
    }

    @Override
    public Observation health(Release release) {
        Optional<Deployment> candidate = candidate(release);
        if (candidate.isEmpty()) {
            return Observation.unhealthy(noCandidate(release));
        }
        return Observation.of(Progress.of(candidate.get()));
    }

    @Override
    public Observation smokeCheck(Release release) {
        Optional<Slot> candidate = candidateSlot(release);
        if (candidate.isEmpty()) {
            return Observation.unhealthy(noCandidate(release));
        }
        Service preview = services.require(layout.previewService());
        Map<String, String> selector = Services.selector(preview);
        if (!candidate.get().label().equals(selector.get(Names.SLOT))) {
            return Observation.unhealthy("preview Service " + layout.previewService() + " selects slot '"
                    + selector.get(Names.SLOT) + "', not the candidate's slot "
                    + candidate.get().label()
                    + ": deploy the candidate again");
        }
        List<Pod> ready = workloads.readyPods(selector).stream()
                .filter(pod -> runs(pod, release.image()))
                .toList();
        if (ready.isEmpty()) {
            return Observation.unhealthy("preview Service " + layout.previewService() + " reaches no ready pod"
                    + " running " + release.image() + ": check the pods of " + deploymentOf(candidate.get())
                    + " (kubectl describe pods -l " + Names.SLOT + "="
                    + candidate.get().label() + ")");
        }
        return Observation.healthy("preview Service " + layout.previewService() + " reaches " + ready.size()
                + " ready pod(s) of slot " + candidate.get().label() + " running " + release.image());
    }

    /**
     * Switches only onto a candidate that is fully available at the live slot's replica count, read
     * again now: health was checked when the candidate was deployed, maybe an hour ago.
     */
    @Override
    public void promote(Release release) {
        Slot candidate = candidateSlot(release).orElseThrow(() -> new RolloutFailedException(noCandidate(release)));
        Service active = services.require(layout.activeService());
        Slot live = liveSlot(active);
        if (live != candidate) {
            Progress ready = readyFor(candidate, live);
            if (ready.state() != Progress.State.COMPLETE) {
                throw new RolloutFailedException("promote refused: candidate slot " + candidate.label()
                        + " is not fully available at the " + Workloads.replicas(workloads.require(deploymentOf(live)))
                        + " replicas of live slot " + live.label() + " (" + ready.message() + "); traffic stays on "
                        + live.label());
            }
        }
        switchActive(candidate, release, active);
        if (router.isPresent()) {
            // Both Services now select the candidate; the route goes back to the active Service for the next release.
            router.get().setWeight(Percentage.ZERO);
        }
    }

    @Override
    public void scaleDownPrevious(Release release) {
        Slot candidate = candidateSlot(release).orElseThrow(() -> new RolloutFailedException(noCandidate(release)));
        Slot previous = candidate.other();
        Service active = services.require(layout.activeService());
        if (liveSlot(active) != candidate) {
            throw new RolloutFailedException("active Service " + layout.activeService() + " still selects slot "
                    + previous.label() + ": promote the candidate before scaling " + deploymentOf(previous) + " down");
        }
        workloads.scale(deploymentOf(previous), 0);
        events.emit(describe() + ": previous slot " + previous.label() + " (" + deploymentOf(previous)
                + ") scaled down; rollback now needs it to start again");
    }

    /**
     * After promote, the previous slot must take all traffic back: it is scaled up to the
     * candidate's replica count if it was scaled down, and is ready only once every one of those
     * replicas is available — never onto one ready pod.
     */
    @Override
    public Observation prepareRollback(Release release) {
        Optional<Slot> found = candidateSlot(release);
        if (found.isEmpty()) {
            return Observation.healthy("no candidate of rollout " + release.rolloutId() + ": nothing to switch back");
        }
        Slot candidate = found.get();
        Slot previous = candidate.other();
        if (liveSlot(services.require(layout.activeService())) != candidate) {
            return Observation.healthy("slot " + previous.label() + " still serves users");
        }
        int replicas = liveReplicas(candidate);
        Deployment back = workloads.require(deploymentOf(previous));
        if (Workloads.replicas(back) < replicas) {
            workloads.scale(deploymentOf(previous), replicas);
            events.emit(describe() + ": previous slot " + previous.label() + " (" + deploymentOf(previous)
                    + ") scaled up to " + replicas + " replicas to switch back onto; traffic stays on "
                    + candidate.label() + " until all of them are available");
        }
        Progress ready = readyFor(previous, candidate);
        return Observation.of(
                new Progress(ready.state(), "previous slot " + previous.label() + ": " + ready.message()));
    }

    @Override
    public void rollback(Release release) {
        Optional<Slot> found = candidateSlot(release);
        if (found.isEmpty()) {
            events.emit(describe() + ": nothing to roll back, no candidate of rollout " + release.rolloutId());
            return;
        }
        Slot candidate = found.get();
        Slot previous = candidate.other();
        Service active = services.require(layout.activeService());
        if (liveSlot(active) == candidate) {
            Progress ready = readyFor(previous, candidate);
            if (ready.state() != Progress.State.COMPLETE) {
                throw new RolloutFailedException("cannot switch back yet: previous slot " + previous.label()
                        + " is not fully available (" + ready.message() + "); traffic stays on " + candidate.label());
            }
            switchActive(previous, release, active);
            events.emit(describe() + ": rolled back; slot " + previous.label() + " serves users once the"
                    + " EndpointSlices of " + layout.activeService() + " follow");
        }
        if (router.isPresent()) {
            router.get().setWeight(Percentage.ZERO);
        }
    }

    /**
     * Traffic is back when the active Service's EndpointSlices — what kube-proxy and gateways route
     * by — list ready pods of the previous slot only; until then the candidate still gets requests
     * although the selector already names the previous slot.
     */
    @Override
    public Observation trafficRestored(Release release) {
        Optional<Slot> found = candidateSlot(release);
        if (found.isEmpty()) {
            return Observation.healthy("no candidate of rollout " + release.rolloutId() + " ever took traffic");
        }
        Slot previous = found.get().other();
        Service active = services.require(layout.activeService());
        Set<String> previousPods = new HashSet<>();
        workloads
                .readyPods(slotSelector(active, previous))
                .forEach(p -> previousPods.add(p.getMetadata().getName()));
        List<String> endpoints = served.readyPods(layout.activeService());
        long elsewhere =
                endpoints.stream().filter(p -> !previousPods.contains(p)).count();
        if (endpoints.isEmpty() || elsewhere > 0) {
            return Observation.progressing("EndpointSlices of Service " + layout.activeService() + " list "
                    + (endpoints.size() - elsewhere) + " ready endpoint(s) of slot " + previous.label() + " and "
                    + elsewhere + " elsewhere");
        }
        return Observation.healthy("EndpointSlices of Service " + layout.activeService() + " list only the "
                + endpoints.size() + " ready pod(s) of slot " + previous.label());
    }

    /** Whether {@code slot} can take over from {@code live}: all of live's replicas (at least one) available. */
    private Progress readyFor(Slot slot, Slot live) {
        return Progress.availableAt(workloads.require(deploymentOf(slot)), liveReplicas(live));
    }

    private int liveReplicas(Slot live) {
        return Math.max(1, Workloads.replicas(workloads.require(deploymentOf(live))));
    }

    @Override
    public void retireCandidate(Release release) {
        Optional<Deployment> found = candidate(release);
        if (found.isEmpty()) {
            return;
        }
        Slot candidate = slotOf(found.get());
        if (liveSlot(services.require(layout.activeService())) == candidate) {
            throw new RolloutFailedException("active Service " + layout.activeService() + " still selects candidate"
                    + " slot " + candidate.label() + ": roll back before retiring it");
        }
        if (Workloads.replicas(found.get()) > 0) {
            workloads.scale(deploymentOf(candidate), 0);
            events.emit(describe() + ": candidate slot " + candidate.label() + " (" + deploymentOf(candidate)
                    + ") scaled down");
        }
    }

    /** The slot the active Service selects. */
    public Slot liveSlot(Service active) {
        String slot = Services.selector(active).get(Names.SLOT);
        if (slot == null) {
            throw new RolloutFailedException("active Service " + layout.activeService() + " selects no slot: set its"
                    + " selector to " + Names.APP + ": " + app.app() + ", " + Names.SLOT
                    + ": blue (and label the pods of " + deploymentOf(Slot.BLUE) + " the same)");
        }
        return Slot.of(slot);
    }

    /** The slot whose Deployment this release created or updated. */
    public Optional<Slot> candidateSlot(Release release) {
        return candidate(release).map(this::slotOf);
    }

    private Slot slotOf(Deployment deployment) {
        return deploymentOf(Slot.BLUE).equals(deployment.getMetadata().getName()) ? Slot.BLUE : Slot.GREEN;
    }

    /** The slot Deployment this release created or updated. */
    private Optional<Deployment> candidate(Release release) {
        for (Slot slot : Slot.values()) {
            Optional<Deployment> deployment = workloads.find(deploymentOf(slot));
            if (deployment.isPresent() && Templates.ownedBy(deployment.get(), release)) {
                return deployment;
            }
        }
        return Optional.empty();
    }

    /** Switches the active Service; {@code read} is the Service as just read, re-read only after a conflict. */
    private void switchActive(Slot target, Release release, Service read) {
        ApiCall call = ApiCall.of("patch", Kind.SERVICE, app.namespace(), layout.activeService());
        Service[] known = {read};
        Api.retryOnConflict(call, () -> {
            Service active = known[0] != null ? known[0] : services.require(layout.activeService());
            known[0] = null;
            Slot live = liveSlot(active);
            if (live == target) {
                return active;
            }
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put(Names.PREVIOUS_SLOT, live.label());
            annotations.put(Names.ROLLOUT, release.rolloutId());
            Service switched = services.select(active, slotSelector(active, target), annotations);
            events.emit(describe() + ": active Service " + layout.activeService() + " switched from slot "
                    + live.label() + " to " + target.label() + " in one patch");
            return switched;
        });
    }

    private static Map<String, String> slotSelector(Service active, Slot slot) {
        Map<String, String> selector = new LinkedHashMap<>(Services.selector(active));
        selector.put(Names.SLOT, slot.label());
        return selector;
    }

    private static boolean runs(Pod pod, String image) {
        return pod.getSpec() != null
                && pod.getSpec().getContainers().stream().anyMatch(c -> image.equals(c.getImage()));
    }

    private String noCandidate(Release release) {
        return "no slot of " + app.deployment() + " carries rollout " + release.rolloutId()
                + ": the candidate was never deployed or was replaced by a newer rollout";
    }

    /** Progress of a slot's Deployment, for callers that follow it. */
    public Progress progress(Slot slot) {
        return workloads.progress(deploymentOf(slot));
    }

    /**
     * The Services and route of a blue-green application.
     *
     * @param activeService the Service users reach; its selector names the live slot
     * @param previewService the Service on the candidate, for smoke checks; created when missing
     * @param httpRoute the Gateway API HTTPRoute that splits traffic between them, or empty to switch at once
     */
    public record Layout(String activeService, String previewService, String httpRoute) {

        public Layout {
            Application.requireName("activeService", activeService);
            Application.requireName("previewService", previewService);
            httpRoute = httpRoute == null ? "" : httpRoute;
            if (!httpRoute.isEmpty()) {
                Application.requireName("httpRoute", httpRoute);
            }
            if (activeService.equals(previewService)) {
                throw new IllegalArgumentException(
                        "activeService and previewService must differ, both are '" + activeService + "'");
            }
        }

        /** {@code <deployment>} and {@code <deployment>-preview}, no route. */
        public static Layout defaults(Application app) {
            return new Layout(app.deployment(), app.deployment() + "-preview", "");
        }

        public Layout withHttpRoute(String route) {
            return new Layout(activeService, previewService, route);
        }
    }
}
