package io.genesis.kubernetes.testing.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the simulated cluster takes for what a real one takes time for.
 *
 * @param schedule from pod creation to a node (kube-scheduler)
 * @param pull pulling the image and starting the container (kubelet)
 * @param startup from a started container to its readiness probe passing
 * @param endpoints from a pod's readiness change to its EndpointSlice and kube-proxy following it
 * @param gateway from an HTTPRoute change to the gateway reporting and serving it
 */
public record Timings(Duration schedule, Duration pull, Duration startup, Duration endpoints, Duration gateway) {

    public Timings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(startup, "startup");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(gateway, "gateway");
    }

    /**
     * Figures of a small real cluster with a cold image cache: 1 s to schedule, 20 s to pull a
     * medium image, 8 s until a JVM service's readiness probe passes, 2 s for EndpointSlices and
     * kube-proxy (the endpointslice controller batches for 1 s, kube-proxy syncs after it), 3 s
     * for a gateway to program and report a route.
     */
    public static Timings realistic() {
        return new Timings(
                Duration.ofSeconds(1),
                Duration.ofSeconds(20),
                Duration.ofSeconds(8),
                Duration.ofSeconds(2),
                Duration.ofSeconds(3));
    }

    /**
     * For {@link RealTimeCluster}, where each step takes wall time: a pod ready 300 ms after it was
     * created (50 ms to schedule, 150 ms to pull, 100 ms to readiness), 100 ms for EndpointSlices and
     * for a gateway. The order of events is a real cluster's; only the scale is smaller.
     */
    public static Timings fast() {
        return new Timings(
                Duration.ofMillis(50),
                Duration.ofMillis(150),
                Duration.ofMillis(100),
                Duration.ofMillis(100),
                Duration.ofMillis(100));
    }

    public Timings withPull(Duration value) {
        return new Timings(schedule, value, startup, endpoints, gateway);
    }

    /** Time from pod creation to readiness. */
    public Duration podReady() {
        return schedule.plus(pull).plus(startup);
    }
}
