package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A cluster's controllers on top of the mock API server, on the injected clock: the Deployment and
 * ReplicaSet controllers, kube-scheduler and kubelet, the EndpointSlice controller with kube-proxy,
 * and a gateway — each a small class naming the upstream code it models — and namespaces that must
 * exist ({@link NamespaceLifecycle}: the cluster's own namespace is created, any other is unknown). Nothing happens on its
 * own: {@link #advanceTo} plays every instant at which something is due, in order, up to the
 * clock's time, so a rollout that takes a real cluster minutes takes the test milliseconds, and
 * observers see the cluster at each of those instants.
 *
 * <p>Two modes, the same rules: on the test's clock (above; {@link #settled} and {@link #elapse} for
 * a {@link ManualClock}), or in real time ({@link RealTimeCluster}, for an engine that runs on the wall
 * clock, such as the command line in another JVM, with {@link Timings#fast()}).
 */
public final class SimulatedCluster {

    private static final int MAX_PASSES = 20;

    private final KubernetesClient client;
    private final String namespace;
    private final Supplier<Instant> clock;
    private final Kubelet kubelet;
    private final Gateways gateways;
    private final List<Component> components;
    private final List<Consumer<Instant>> observers = new CopyOnWriteArrayList<>();
    private ManualClock manual;
    private Instant now;

    public SimulatedCluster(KubernetesClient client, String namespace, Supplier<Instant> clock, Timings timings) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
        this.now = clock.get();
        // Namespaces must exist, as on a real cluster (NamespaceLifecycle refuses creates elsewhere).
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .createOr(e -> e.update());
        NamespaceLifecycle.enforce(client);
        this.kubelet = new Kubelet(client, namespace, timings);
        this.gateways = new Gateways(client, namespace, timings);
        // In the order a change travels: Deployment → ReplicaSet → pod → endpoints → gateway.
        this.components = List.of(
                new DeploymentSync(client, namespace),
                new ReplicaSetController(client, namespace, kubelet),
                kubelet,
                new EndpointSlices(client, namespace, timings.endpoints()),
                gateways);
    }

    /**
     * A simulated cluster with {@code timings} whose state now is settled at once: the objects
     * created so far become ready (the clock moves past a pod's start) before the test acts.
     */
    public static SimulatedCluster settled(
            KubernetesClient client, String namespace, ManualClock clock, Timings timings) {
        SimulatedCluster cluster = new SimulatedCluster(client, namespace, clock::instant, timings);
        cluster.manual = clock;
        cluster.advanceTo(clock.instant());
        clock.advance(timings.podReady().plusSeconds(60));
        cluster.catchUp();
        return cluster;
    }

    /**
     * Creates sent through {@code other} (a client of the code under test, where the cluster's
     * controllers have a client of their own) need the namespace to exist as well.
     */
    public SimulatedCluster admitting(KubernetesClient other) {
        NamespaceLifecycle.enforce(other);
        return this;
    }

    /** Pods of {@code image} crash at start from now on (CrashLoopBackOff) and never turn ready. */
    public SimulatedCluster crashLoop(String image) {
        kubelet.crash(image);
        return this;
    }

    /** A ResourceQuota that admits at most {@code pods} pods in the namespace. */
    public SimulatedCluster quota(int pods) {
        client.resourceQuotas()
                .inNamespace(namespace)
                .resource(new ResourceQuotaBuilder()
                        .withNewMetadata()
                        .withName("pods")
                        .withNamespace(namespace)
                        .endMetadata()
                        .withNewSpec()
                        .withHard(Map.of("pods", new Quantity(Integer.toString(pods))))
                        .endSpec()
                        .build())
                .createOr(e -> e.update());
        return this;
    }

    /** Gateway {@code name} never reports on the routes attached to it. */
    public SimulatedCluster silence(String gateway) {
        gateways.silence(gateway);
        return this;
    }

    /** Called with each instant the cluster settled at, in order. */
    public SimulatedCluster observe(Consumer<Instant> observer) {
        observers.add(observer);
        return this;
    }

    /**
     * Lets {@code time} pass on the clock of a {@link #settled} cluster and plays it: what a test
     * does where a real cluster would take that long (pods to turn ready, a rollout to finish).
     */
    public void elapse(Duration time) {
        if (manual == null) {
            throw new IllegalStateException("elapse needs the ManualClock of SimulatedCluster.settled(...);"
                    + " advance the clock this cluster was built on, then call catchUp()");
        }
        manual.advance(time);
        catchUp();
    }

    /** Plays every instant up to the clock's time at which anything was due, then the clock's time itself. */
    public void catchUp() {
        advanceTo(clock.get());
    }

    /** Plays every instant up to {@code target} at which something was due, then {@code target}. */
    public synchronized void advanceTo(Instant target) {
        settle(now);
        while (true) {
            Optional<Instant> next = nextEvent();
            if (next.isEmpty() || next.get().isAfter(target)) {
                break;
            }
            now = next.get();
            settle(now);
        }
        if (target.isAfter(now)) {
            now = target;
            settle(now);
        }
    }

    /** The instant the cluster was last brought to. */
    public Instant now() {
        return now;
    }

    /** What users reach, measured from EndpointSlices and what the gateway programmed. */
    public ServedTraffic traffic() {
        return new ServedTraffic(client, namespace, kubelet::image, gateways::served);
    }

    private void settle(Instant at) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean wrote = false;
            for (Component component : components) {
                wrote |= component.sync(at);
            }
            if (!wrote) {
                observers.forEach(o -> o.accept(at));
                return;
            }
        }
        throw new AssertionError("the simulated cluster did not settle at " + at);
    }

    /** The next instant after the last one played at which something is due, if any. */
    synchronized Optional<Instant> nextEvent() {
        return components.stream()
                .map(c -> c.nextEvent(now))
                .flatMap(Optional::stream)
                .filter(at -> at.isAfter(now))
                .min(Instant::compareTo);
    }
}
