package io.genesis.sandbox.target;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingUpdater;
import io.genesis.core.target.TrafficRouter;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.slot.Slot;
import io.genesis.sandbox.slot.SlotId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One application in one environment, deployed to a {@link Sandbox}: the engine's deployment target on
 * this machine, with a traffic router (the weighted proxy) and rolling updates (approximated by weight).
 *
 * <ul>
 *   <li><b>deploy candidate</b> starts a slot for the version in the background and returns; it takes no
 *       traffic (weight 0). <b>health</b> is progressing while it starts, then asks its health endpoint.
 *   <li><b>smoke check</b> asks the candidate's health endpoint directly, bypassing the proxy: anything but
 *       200 fails it.
 *   <li><b>promote</b> gives the candidate all traffic and makes it stable; the old stable slot is kept at
 *       weight 0 for instant rollback, until <b>scale down previous</b> stops it (after a rolling update it
 *       is stopped at promote, all its "instances" having been replaced).
 *   <li><b>rollback</b> sends all traffic back to the version that was stable before the rollout in one
 *       routing-table swap, then stops the rolled-back slot. Its request metrics stay readable through
 *       {@link Sandbox#metrics}, which is what is left to inspect: a faulty version is not left running.
 * </ul>
 *
 * <p>Every operation is keyed by the rollout's id and may be repeated: a second deploy, promote, scale-down
 * or rollback of the same rollout does nothing more. The state (which slot is stable, candidate, kept)
 * lives in this object, in this process, like the sandbox itself; a target is created with a stable
 * version already serving.
 */
public final class SandboxTarget implements DeploymentTarget {

    private final DeploymentKey key;
    private final Sandbox sandbox;
    private final SlotLedger ledger;
    private final SandboxRouter router;
    private final SandboxRollingUpdater updater;

    private SandboxTarget(DeploymentKey key, Sandbox sandbox, Slot stable) {
        this.key = key;
        this.sandbox = sandbox;
        this.ledger = new SlotLedger(key, sandbox, stable, starterFor(key));
        this.router = new SandboxRouter(ledger);
        this.updater = new SandboxRollingUpdater(ledger);
    }

    /**
     * Starts {@code stableVersion} in {@code sandbox} with its launcher and gives it all traffic: the
     * version running before the first rollout.
     */
    public static SandboxTarget start(DeploymentKey key, Sandbox sandbox, String stableVersion) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sandbox, "sandbox");
        return new SandboxTarget(key, sandbox, sandbox.startSlot(stableVersion));
    }

    /** Takes the running slot {@code stable} of {@code sandbox} as the stable version and gives it all traffic. */
    public static SandboxTarget adopt(DeploymentKey key, Sandbox sandbox, SlotId stable) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sandbox, "sandbox");
        Slot slot = sandbox.slot(stable)
                .orElseThrow(() -> new IllegalArgumentException("no slot " + stable + " runs in the sandbox at "
                        + sandbox.proxyUri() + "; slots: " + sandbox.slots()));
        return new SandboxTarget(key, sandbox, slot);
    }

    public DeploymentKey key() {
        return key;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** The slot of the stable version. */
    public Slot stable() {
        return ledger.stable();
    }

    /** The candidate's slot, once it has started, while a rollout is in progress. */
    public Optional<Slot> candidate() {
        return ledger.candidate();
    }

    /** The previous version's slot, kept at weight 0 after a blue-green promote for instant rollback. */
    public Optional<Slot> previous() {
        return ledger.previous();
    }

    /** Slots a rollback took all traffic from, still running until {@link #retireCandidate} stops them. */
    public List<Slot> retiring() {
        return ledger.retiring();
    }

    /**
     * A metric source over this target's proxied traffic.
     *
     * @param scope the candidate (the newest version) or all traffic
     * @param minRequests the fewest counted requests a sample needs to give readings, at least 1
     */
    public MetricSource metricSource(MetricScope scope, long minRequests) {
        return new SandboxMetricSource(key.toString(), sandbox::metrics, ledger::newest, scope, minRequests);
    }

    @Override
    public String describe() {
        return "sandbox " + key + " at " + sandbox.proxyUri();
    }

    @Override
    public void deployCandidate(DeploymentContext context) {
        ledger.deploy(checked(context));
    }

    @Override
    public Health health(DeploymentContext context) {
        return ledger.health(checked(context));
    }

    @Override
    public Health smokeCheck(DeploymentContext context) {
        return ledger.smokeCheck(checked(context));
    }

    /** The candidate slot's own address: a pre-traffic hook reaches it there while the proxy sends it nothing. */
    @Override
    public Optional<java.net.URI> previewUrl(DeploymentContext context) {
        return ledger.previewUrl(checked(context));
    }

    @Override
    public void promote(DeploymentContext context) {
        ledger.promote(checked(context));
    }

    @Override
    public void scaleDownPrevious(DeploymentContext context) {
        ledger.scaleDownPrevious(checked(context));
    }

    @Override
    public void rollback(DeploymentContext context) {
        ledger.rollback(checked(context));
    }

    @Override
    public void retireCandidate(DeploymentContext context) {
        checked(context);
        ledger.retire();
    }

    @Override
    public Optional<TrafficRouter> trafficRouter() {
        return Optional.of(router);
    }

    @Override
    public Optional<RollingUpdater> rollingUpdater() {
        return Optional.of(updater);
    }

    @Override
    public String toString() {
        return describe();
    }

    private DeploymentContext checked(DeploymentContext context) {
        Objects.requireNonNull(context, "context");
        if (!context.key().equals(key)) {
            throw new IllegalArgumentException(
                    "this sandbox target serves " + key + ", but was asked to act on " + context.key());
        }
        return context;
    }

    /** Slots start on their own daemon thread: starts are rare, and a child process may take seconds. */
    private static Executor starterFor(DeploymentKey key) {
        return task -> {
            Thread thread = new Thread(task, "genesis-sandbox-start-" + key.fileName());
            thread.setDaemon(true);
            thread.start();
        };
    }
}
