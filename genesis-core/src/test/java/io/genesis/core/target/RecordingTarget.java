package io.genesis.core.target;

import io.genesis.core.policy.Percentage;
import io.genesis.core.time.ManualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory deployment target for engine tests: it models the world a real target would
 * change (stable, candidate and previous versions, traffic weight, share of instances) and
 * records every call. Not a real target; the sandbox and Kubernetes modules provide those.
 * Faults (exceptions, health that never comes) and latency (on a {@link ManualClock}) can be
 * injected.
 */
public final class RecordingTarget implements DeploymentTarget {

    private final String name;
    private final boolean router;
    private final boolean rolling;
    private final ManualClock clock;
    private Duration latency = Duration.ZERO;

    private String stable;
    private String previous;
    private boolean previousRunning;
    private String candidate;
    private String candidateRollout;
    private double weight;
    private double share;
    private int conflicts;
    private int verifyLag;
    private final List<String> operations = new ArrayList<>();
    private final Map<String, Deque<RuntimeException>> faults = new HashMap<>();
    private final Deque<Health> healthScript = new ArrayDeque<>();
    private final Deque<Health> smokeScript = new ArrayDeque<>();
    private final Deque<Health> prepareScript = new ArrayDeque<>();
    private final Deque<Health> restoredScript = new ArrayDeque<>();
    private Duration abandonedScaleDownDelay = Duration.ZERO;
    private String rollingLimits = "";

    private RecordingTarget(String name, boolean router, boolean rolling, ManualClock clock, String stable) {
        this.name = name;
        this.router = router;
        this.rolling = rolling;
        this.clock = clock;
        this.stable = stable;
    }

    /** A target with a traffic router and rolling updates, running {@code stable}. */
    public static RecordingTarget capable(String name, ManualClock clock, String stable) {
        return new RecordingTarget(name, true, true, clock, stable);
    }

    /** A target without a traffic router or rolling updates: blue-green must switch at once. */
    public static RecordingTarget plain(String name, ManualClock clock, String stable) {
        return new RecordingTarget(name, false, false, clock, stable);
    }

    /** Every operation advances the clock by {@code value}, as a real target takes time. */
    public synchronized RecordingTarget latency(Duration value) {
        this.latency = value;
        return this;
    }

    /** The next call of {@code operation} throws {@code fault}; several calls queue several faults. */
    public synchronized RecordingTarget failNext(String operation, RuntimeException fault) {
        faults.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(fault);
        return this;
    }

    /** The next health checks answer these, in order; afterwards the candidate is healthy. */
    public synchronized RecordingTarget health(Health... answers) {
        healthScript.addAll(List.of(answers));
        return this;
    }

    /** The next smoke checks answer these, in order; afterwards they pass. */
    public synchronized RecordingTarget smoke(Health... answers) {
        smokeScript.addAll(List.of(answers));
        return this;
    }

    /** The next rollback preparations answer these, in order; afterwards the previous version is ready. */
    public synchronized RecordingTarget prepareRollback(Health... answers) {
        prepareScript.addAll(List.of(answers));
        return this;
    }

    /** Its rolling updater says {@code limits} about its batches (empty: none). */
    public synchronized RecordingTarget rollingLimits(String limits) {
        this.rollingLimits = limits;
        return this;
    }

    /** A rolled-back candidate keeps running {@code delay} after traffic left it. */
    public synchronized RecordingTarget abandonedScaleDownDelay(Duration delay) {
        this.abandonedScaleDownDelay = delay;
        return this;
    }

    @Override
    public synchronized Duration abandonedScaleDownDelay() {
        return abandonedScaleDownDelay;
    }

    /** The next checks that traffic is back answer these, in order; afterwards it is. */
    public synchronized RecordingTarget trafficRestored(Health... answers) {
        restoredScript.addAll(List.of(answers));
        return this;
    }

    /** The router reports the new weight as applied only after {@code polls} verifications. */
    public synchronized RecordingTarget verifyLag(int polls) {
        this.verifyLag = polls;
        return this;
    }

    @Override
    public String describe() {
        return "recording target " + name;
    }

    @Override
    public synchronized void deployCandidate(DeploymentContext context) {
        call("deployCandidate " + context.version());
        if (candidate != null && !context.rolloutId().equals(candidateRollout)) {
            conflicts++;
        }
        candidate = context.version().value();
        candidateRollout = context.rolloutId();
    }

    @Override
    public synchronized Health health(DeploymentContext context) {
        call("health");
        return healthScript.isEmpty() ? Health.healthy("all replicas ready") : healthScript.poll();
    }

    @Override
    public synchronized Health smokeCheck(DeploymentContext context) {
        call("smokeCheck");
        return smokeScript.isEmpty() ? Health.healthy("smoke tests passed") : smokeScript.poll();
    }

    @Override
    public synchronized void promote(DeploymentContext context) {
        call("promote " + context.version());
        if (context.version().value().equals(candidate) && context.rolloutId().equals(candidateRollout)) {
            // A rolling update replaced the old instances; a separate candidate leaves them running.
            previousRunning = share == 0;
            previous = stable;
            stable = candidate;
            candidate = null;
            candidateRollout = null;
            weight = 0;
            share = 0;
        }
    }

    @Override
    public synchronized void scaleDownPrevious(DeploymentContext context) {
        call("scaleDownPrevious");
        previousRunning = false;
    }

    @Override
    public synchronized Health prepareRollback(DeploymentContext context) {
        return prepareScript.isEmpty() ? Health.healthy("previous version ready") : prepareScript.poll();
    }

    @Override
    public synchronized Health trafficRestored(DeploymentContext context) {
        return restoredScript.isEmpty() ? Health.healthy("traffic back") : restoredScript.poll();
    }

    @Override
    public synchronized void rollback(DeploymentContext context) {
        call("rollback " + context.version());
        if (context.rolloutId().equals(candidateRollout)) {
            candidate = null;
            candidateRollout = null;
            weight = 0;
            share = 0;
        } else if (context.version().value().equals(stable) && previous != null) {
            // Back to the previous version: instantly from its kept slot, or by undoing the rolling update.
            stable = previous;
            previous = null;
            previousRunning = false;
        }
    }

    /** Recorded so tests see clean-up follow the restore; the recorded world already dropped the candidate. */
    @Override
    public synchronized void retireCandidate(DeploymentContext context) {
        call("retireCandidate " + context.version());
    }

    @Override
    public Optional<TrafficRouter> trafficRouter() {
        return router ? Optional.of(new Router()) : Optional.empty();
    }

    @Override
    public Optional<RollingUpdater> rollingUpdater() {
        return rolling ? Optional.of(new Updater()) : Optional.empty();
    }

    // ---------------------------------------------------------------- what the world looks like

    public synchronized String stable() {
        return stable;
    }

    /** The previous version while it still runs beside the stable one (for instant rollback). */
    public synchronized Optional<String> previous() {
        return previousRunning ? Optional.ofNullable(previous) : Optional.empty();
    }

    public synchronized Optional<String> candidate() {
        return Optional.ofNullable(candidate);
    }

    /** The candidate's share of user traffic: the router's weight, or its share of instances. */
    public synchronized double candidateTraffic() {
        return candidate == null ? 0 : Math.max(weight, share);
    }

    /** Whether nothing is half-switched: no candidate, no weight. */
    public synchronized boolean atRest() {
        return candidate == null && weight == 0 && share == 0;
    }

    /** How often a second rollout deployed a candidate while another one's was still there. */
    public synchronized int conflicts() {
        return conflicts;
    }

    public synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    private void call(String operation) {
        operations.add(operation);
        if (clock != null && !latency.isZero()) {
            clock.advance(latency);
        }
        String kind = operation.split(" ")[0];
        Deque<RuntimeException> queued = faults.get(kind);
        if (queued != null && !queued.isEmpty()) {
            throw queued.poll();
        }
    }

    private final class Router implements TrafficRouter {
        @Override
        public void setWeight(DeploymentContext context, Percentage value) {
            synchronized (RecordingTarget.this) {
                call("setWeight " + value.value());
                if (context.rolloutId().equals(candidateRollout) || value.value() == 0) {
                    weight = value.value();
                }
            }
        }

        @Override
        public boolean verifyWeight(DeploymentContext context, Percentage value) {
            synchronized (RecordingTarget.this) {
                call("verifyWeight " + value.value());
                if (verifyLag > 0) {
                    verifyLag--;
                    return false;
                }
                return weight == value.value();
            }
        }
    }

    private final class Updater implements RollingUpdater {
        @Override
        public java.util.Optional<String> limits() {
            synchronized (RecordingTarget.this) {
                return rollingLimits.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rollingLimits);
            }
        }

        @Override
        public void rollTo(DeploymentContext context, Percentage value, RollingBounds bounds) {
            synchronized (RecordingTarget.this) {
                call("rollTo " + value.value());
                if (candidate != null && !context.rolloutId().equals(candidateRollout)) {
                    conflicts++;
                }
                candidate = context.version().value();
                candidateRollout = context.rolloutId();
                share = value.value();
            }
        }
    }
}
