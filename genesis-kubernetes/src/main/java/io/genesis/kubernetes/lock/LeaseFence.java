package io.genesis.kubernetes.lock;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.ApiCall.Kind;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a rollout that lost its Lease from writing to the cluster. The lock notes here each claim
 * this process took or renewed, and each it failed to renew; before every change a target makes,
 * {@link #check} reads the Lease and refuses unless it still names this process's claim: the same
 * rollout, the same engine ({@code genesis.io/owner}) and the same acquire time. So an engine that
 * was paused (a long GC, a suspended VM) while another adopted its rollout stops at its next write
 * instead of undoing the other's work. The Lease and the objects are separate writes, so a window
 * of one request remains: what Kubernetes offers without a controller of its own.
 */
public final class LeaseFence {

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    /** This process holds {@code claim} on Lease {@code namespace/claim.lease()}. */
    public void held(String namespace, LeaseClaim claim) {
        claims.put(namespace + "/" + claim.lease(), new Claim(claim, false));
    }

    /** This process could not renew {@code holder}'s claim on {@code namespace/lease}: it lost it. */
    public void lost(String namespace, String lease, String holder) {
        claims.computeIfPresent(
                namespace + "/" + lease, (k, c) -> c.claim().holder().equals(holder) ? new Claim(c.claim(), true) : c);
    }

    /** This process released {@code holder}'s claim on {@code namespace/lease}. */
    public void released(String namespace, String lease, String holder) {
        claims.computeIfPresent(
                namespace + "/" + lease, (k, c) -> c.claim().holder().equals(holder) ? null : c);
    }

    /** The claim this process took for {@code holder} on {@code namespace/lease}, if any, lost or not. */
    public Optional<LeaseClaim> claimOf(String namespace, String lease, String holder) {
        Claim mine = claims.get(namespace + "/" + lease);
        return mine == null || !mine.claim().holder().equals(holder) ? Optional.empty() : Optional.of(mine.claim());
    }

    /** Whether this process lost {@code holder}'s claim on {@code namespace/lease}: it must not renew it. */
    public boolean hasLost(String namespace, String lease, String holder) {
        Claim mine = claims.get(namespace + "/" + lease);
        return mine != null && mine.lost() && mine.claim().holder().equals(holder);
    }

    /**
     * Throws unless {@code holder} may still write: this process never claimed the Lease for it (no
     * Lease lock in use here), or the Lease still holds this process's claim.
     */
    public void check(KubernetesClient client, String namespace, String lease, String holder) {
        Claim mine = claims.get(namespace + "/" + lease);
        if (mine == null || !mine.claim().holder().equals(holder)) {
            return;
        }
        String stop = "rollout " + holder + " no longer holds Lease " + lease + " in namespace " + namespace;
        String after = "; this engine (" + mine.claim().owner() + ") stopped writing to the cluster: the rollout is"
                + " another engine's now, or needs a look by hand";
        if (mine.lost()) {
            throw new IllegalStateException(stop + ": its renewal failed" + after);
        }
        Optional<Lease> live = Api.find(
                ApiCall.of("get", Kind.LEASE, namespace, lease),
                () -> client.leases().inNamespace(namespace).withName(lease).get());
        if (live.isEmpty()) {
            claims.put(namespace + "/" + lease, new Claim(mine.claim(), true));
            throw new IllegalStateException(stop + ": the Lease was deleted" + after);
        }
        LeaseClaim now = LeaseLock.claim(live.get());
        if (!now.holder().equals(holder)
                || !now.owner().equals(mine.claim().owner())
                || !now.acquiredAt().equals(mine.claim().acquiredAt())) {
            claims.put(namespace + "/" + lease, new Claim(mine.claim(), true));
            throw new IllegalStateException(stop + ": it is held by rollout " + now.holder() + " of engine "
                    + (now.owner().isEmpty() ? "?" : now.owner()) + " since " + now.acquiredAt() + after);
        }
    }

    private record Claim(LeaseClaim claim, boolean lost) {}
}
