package io.genesis.kubernetes.adapter;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.target.DeploymentKey;
import io.genesis.kubernetes.lock.LeaseClaim;
import io.genesis.kubernetes.lock.LeaseFence;
import io.genesis.kubernetes.lock.LeaseLock;
import io.genesis.kubernetes.lock.ObservedLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The engine's {@link RolloutLock} port on Kubernetes Leases: the lock of each (application,
 * environment) is a Lease in that environment's namespace.
 */
public final class KubernetesRolloutLock implements RolloutLock {

    private final KubernetesClient client;
    private final Function<DeploymentKey, String> namespaceOf;
    private final LeaseFence fence;
    private final ObservedLeases observed = new ObservedLeases();

    /** @param namespaceOf the namespace of each key's environment */
    public KubernetesRolloutLock(KubernetesClient client, Function<DeploymentKey, String> namespaceOf) {
        this(client, namespaceOf, new LeaseFence());
    }

    /**
     * A lock that notes its claims in {@code fence}; targets opened with the same fence stop writing
     * once a claim is lost ({@link KubernetesTargetFactory#fencedBy}).
     */
    public KubernetesRolloutLock(
            KubernetesClient client, Function<DeploymentKey, String> namespaceOf, LeaseFence fence) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespaceOf = Objects.requireNonNull(namespaceOf, "namespaceOf");
        this.fence = Objects.requireNonNull(fence, "fence");
    }

    @Override
    public Optional<Lease> acquire(DeploymentKey key, String holder, String owner, Instant now, Duration ttl) {
        return KubernetesDeploymentTarget.call(() -> {
            Optional<LeaseClaim> claim = lock(key).acquire(name(key), holder, owner, now, ttl);
            claim.ifPresent(c -> fence.held(namespaceOf.apply(key), c));
            return claim.map(c -> lease(key, c));
        });
    }

    @Override
    public Optional<Lease> refresh(DeploymentKey key, String holder, Instant now, Duration ttl) {
        return KubernetesDeploymentTarget.call(() -> {
            String namespace = namespaceOf.apply(key);
            if (fence.hasLost(namespace, name(key), holder)) {
                return Optional.<Lease>empty();
            }
            Optional<LeaseClaim> taken = fence.claimOf(namespace, name(key), holder);
            Optional<LeaseClaim> claim = lock(key).refresh(name(key), holder, taken, now, ttl);
            if (claim.isPresent()) {
                fence.held(namespace, claim.get());
            } else {
                fence.lost(namespace, name(key), holder);
            }
            return claim.map(c -> lease(key, c));
        });
    }

    @Override
    public void release(DeploymentKey key, String holder) {
        KubernetesDeploymentTarget.run(() -> {
            lock(key).release(name(key), holder);
            fence.released(namespaceOf.apply(key), name(key), holder);
        });
    }

    @Override
    public Optional<Lease> current(DeploymentKey key) {
        return KubernetesDeploymentTarget.call(
                () -> lock(key).current(name(key)).map(c -> lease(key, c)));
    }

    private LeaseLock lock(DeploymentKey key) {
        return new LeaseLock(client, namespaceOf.apply(key), observed);
    }

    private static String name(DeploymentKey key) {
        return LeaseLock.leaseName(key.application(), key.environment());
    }

    private static Lease lease(DeploymentKey key, LeaseClaim claim) {
        return new Lease(key, claim.holder(), claim.owner(), claim.acquiredAt(), claim.expiresAt());
    }
}
