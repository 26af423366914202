package io.genesis.sandbox;

import io.genesis.sandbox.metrics.MetricsSnapshot;
import io.genesis.sandbox.metrics.RequestMetrics;
import io.genesis.sandbox.proxy.WeightedProxy;
import io.genesis.sandbox.proxy.Weights;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.InProcessSlot;
import io.genesis.sandbox.slot.HealthCheck;
import io.genesis.sandbox.slot.HealthProbe;
import io.genesis.sandbox.slot.Slot;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.slot.SlotLauncher;
import io.genesis.sandbox.slot.Versions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real deployment target on this machine: application versions run as slots (in this JVM or as child
 * processes) on loopback ports, behind one weighted reverse proxy whose traffic feeds request metrics.
 * Everything a rollout needs is here: start a version, check its health, shift weights and read them back,
 * read metrics per slot over a window, stop a version. Thread-safe.
 */
public final class Sandbox implements AutoCloseable {

    private final SandboxConfig config;
    private final RequestMetrics metrics;
    private final WeightedProxy proxy;
    private final HealthProbe probe;
    private final Map<SlotId, Slot> slots = new LinkedHashMap<>();
    private final AtomicInteger slotNumbers = new AtomicInteger();

    private Sandbox(SandboxConfig config) {
        this.config = config;
        this.metrics = new RequestMetrics(config.clock(), config.window());
        this.proxy = WeightedProxy.start(config.proxy(), metrics);
        this.probe = new HealthProbe(config.healthTimeout());
    }

    /** Starts the proxy of a new, empty sandbox. */
    public static Sandbox start(SandboxConfig config) {
        return new Sandbox(Objects.requireNonNull(config, "config"));
    }

    /** Where clients send requests: the proxy, {@code http://127.0.0.1:<port>}. */
    public URI proxyUri() {
        return proxy.uri();
    }

    /** Starts {@code version} with the configured launcher; see {@link #startSlot(String, SlotLauncher)}. */
    public Slot startSlot(String version) {
        return startSlot(version, config.launcher());
    }

    /**
     * Starts {@code version} as a new slot with {@code launcher}, waits until it is ready, and registers it
     * with the proxy at weight 0: it takes no traffic until {@link #setWeights(Weights)} gives it some.
     *
     * @throws io.genesis.sandbox.slot.SlotStartException when it did not become ready
     */
    public Slot startSlot(String version, SlotLauncher launcher) {
        Versions.require(version);
        SlotId id = SlotId.of("slot-" + slotNumbers.incrementAndGet());
        Slot slot = launcher.launch(id, version);
        try {
            synchronized (this) {
                proxy.register(id, slot.baseUri());
                slots.put(id, slot);
            }
        } catch (RuntimeException e) {
            slot.stop();
            throw e;
        }
        return slot;
    }

    /** Every slot not yet stopped, in the order they were started. */
    public synchronized List<Slot> slots() {
        return List.copyOf(slots.values());
    }

    /** The slot called {@code id}, if it is still there. */
    public synchronized Optional<Slot> slot(SlotId id) {
        return Optional.ofNullable(slots.get(id));
    }

    /** Asks {@code id}'s health endpoint directly, bypassing the proxy. */
    public HealthCheck checkHealth(SlotId id) {
        return probe.check(require(id).baseUri());
    }

    /** Routes new requests by {@code weights}; requests in flight finish where they are. */
    public void setWeights(Weights weights) {
        proxy.setWeights(weights);
    }

    /** The weights the proxy routes by, read back from it; empty before any were set. */
    public Optional<Weights> effectiveWeights() {
        return proxy.effectiveWeights();
    }

    /** Requests through the proxy over the last {@code window}, overall and per slot. */
    public MetricsSnapshot metrics(Duration window) {
        return metrics.snapshot(window);
    }

    /**
     * Requests through the proxy between {@code from} and {@code to}, overall and per slot; see {@link
     * RequestMetrics#snapshot(Instant, Instant)} for how the span is widened to whole buckets and bounded by
     * the retention.
     */
    public MetricsSnapshot metrics(Instant from, Instant to) {
        return metrics.snapshot(from, to);
    }

    /**
     * How many requests the proxy is answering now. Metrics hold every request that has stopped counting
     * here; a client may see its answer a moment before that.
     */
    public int requestsInFlight() {
        return proxy.inFlight();
    }

    /**
     * Changes the faults of an in-process slot while it runs.
     *
     * @throws IllegalArgumentException for a child-process slot, whose faults are fixed by its command line
     */
    public void injectFaults(SlotId id, FaultProfile faults) {
        Slot slot = require(id);
        if (!(slot instanceof InProcessSlot inProcess)) {
            throw new IllegalArgumentException(id + " runs as a " + slot.kind() + " slot: only in-process slots take"
                    + " faults at run time; start child processes with fault options on their command line");
        }
        inProcess.service().faults(faults);
    }

    /**
     * Stops slot {@code id}, which must have no traffic weight: it is removed from the proxy, its requests in
     * flight get up to the drain timeout to finish, then it is stopped. Its metrics history stays readable.
     *
     * @return true when every request in flight finished before the stop
     * @throws IllegalStateException when the slot still has traffic weight
     */
    public boolean stopSlot(SlotId id) {
        Slot slot;
        synchronized (this) {
            slot = require(id);
            proxy.unregister(id);
            slots.remove(id);
        }
        boolean drained = proxy.awaitDrained(id, config.drainTimeout());
        slot.stop();
        return drained;
    }

    /** Stops the proxy, then every slot. */
    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            proxy.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Slot slot : slots()) {
            try {
                slot.stop();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        synchronized (this) {
            slots.clear();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private synchronized Slot require(SlotId id) {
        Slot slot = slots.get(Objects.requireNonNull(id, "id"));
        if (slot == null) {
            throw new IllegalArgumentException("no slot " + id + " in this sandbox; slots: " + slots.keySet());
        }
        return slot;
    }
}
