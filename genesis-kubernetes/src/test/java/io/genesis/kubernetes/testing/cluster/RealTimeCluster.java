package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.genesis.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The {@link SimulatedCluster} in <em>real-time mode</em>, for tests whose engine waits on the wall
 * clock and cannot be driven by the test: the command line run in-process on the system clock, or
 * as the shaded jar in a JVM of its own (including the {@code kill -9} suite). The cluster keeps its
 * own {@link ManualClock}, and one daemon thread advances it with real time and plays what is due:
 * at once when a Deployment, Service or HTTPRoute changes (it watches them), else when the next pod,
 * endpoint or gateway step is due, and at least every {@value #IDLE_MILLIS} ms. The rules are the
 * simulated cluster's (pods take time, traffic follows EndpointSlices, the namespace must exist);
 * only the timings differ: {@link Timings#fast()}, a pod ready 300 ms after it was created.
 *
 * <p>Its limits, which the clock-driven mode does not have: what a test observes is sampled, not
 * played instant by instant, so "at every instant" assertions belong to the clock-driven suites; a
 * loaded machine stretches the timings (a step is due no sooner than its timing, maybe later, as
 * on a real cluster); and the namespace admission ({@link NamespaceLifecycle}) acts on requests of
 * the clients built with {@code NoRetries} only — a command line in another JVM builds its own
 * client, whose creates in a missing namespace the mock accepts. The objects created before {@link
 * #start} are settled at once (the cluster's clock starts in the past and catches up), as {@link
 * SimulatedCluster#settled} does.
 */
public final class RealTimeCluster implements AutoCloseable {

    static final long IDLE_MILLIS = 500;

    private final SimulatedCluster cluster;
    private final ManualClock clock;
    private final Semaphore changed = new Semaphore(0);
    private final List<Watch> watches = new ArrayList<>();
    private final List<String> faults = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private RealTimeCluster(KubernetesClient client, String namespace, Timings timings) {
        Duration settle = timings.podReady().plusSeconds(60);
        this.clock = new ManualClock(Instant.now().minus(settle));
        this.cluster = SimulatedCluster.settled(client, namespace, clock, timings);
        watches.add(client.apps().deployments().inNamespace(namespace).watch(wake()));
        watches.add(client.services().inNamespace(namespace).watch(wake()));
        watches.add(client.resources(HTTPRoute.class).inNamespace(namespace).watch(wake()));
        this.thread = new Thread(this::run, "real-time-cluster");
        thread.setDaemon(true);
    }

    /** A cluster of namespace {@code namespace} with {@link Timings#fast()}, running from now on. */
    public static RealTimeCluster start(KubernetesClient client, String namespace) {
        return start(client, namespace, Timings.fast());
    }

    /** A cluster of namespace {@code namespace} with {@code timings}, running from now on. */
    public static RealTimeCluster start(KubernetesClient client, String namespace, Timings timings) {
        RealTimeCluster cluster = new RealTimeCluster(client, namespace, timings);
        cluster.thread.start();
        return cluster;
    }

    /** What users reach, measured from EndpointSlices and what the gateway programmed. */
    public ServedTraffic traffic() {
        return cluster.traffic();
    }

    /** Pods of {@code image} crash at start from now on (CrashLoopBackOff) and never turn ready. */
    public RealTimeCluster crashLoop(String image) {
        cluster.crashLoop(image);
        return this;
    }

    /**
     * The API failures the cluster's controllers met and retried at their next pass, as real ones
     * requeue a sync the API refused; for a test's failure message.
     */
    public List<String> faults() {
        return List.copyOf(faults);
    }

    private void run() {
        while (running) {
            clock.advanceTo(Instant.now());
            try {
                cluster.catchUp();
            } catch (RuntimeException | AssertionError e) {
                if (running) {
                    faults.add(String.valueOf(e.getMessage()));
                }
            }
            try {
                changed.tryAcquire(untilDue(), TimeUnit.MILLISECONDS);
                changed.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long untilDue() {
        long idle = IDLE_MILLIS;
        return cluster.nextEvent()
                .map(at -> Duration.between(Instant.now(), at).toMillis() + 1)
                .map(millis -> Math.max(1, Math.min(millis, idle)))
                .orElse(idle);
    }

    private <T extends HasMetadata> Watcher<T> wake() {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, T resource) {
                changed.release();
            }

            @Override
            public void onClose(WatcherException cause) {
                // the idle pass still catches what a closed watch would have reported
            }
        };
    }

    /** Stops the thread (waiting for the pass under way) and the watches, before the mock server goes. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        watches.forEach(Watch::close);
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
