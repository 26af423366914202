package io.genesis.kubernetes.adapter;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.target.DeploymentKey;
import io.genesis.kubernetes.lock.LeaseClaim;
import io.genesis.kubernetes.lock.LeaseLock;
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

    /** @param namespaceOf the namespace of each key's environment */
    public KubernetesRolloutLock(KubernetesClient client, Function<DeploymentKey, String> namespaceOf) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespaceOf = Objects.requireNonNull(namespaceOf, "namespaceOf");
    }

    @Override
    public Optional<Lease> acquire(DeploymentKey key, String holder, String owner, Instant now, Duration ttl) {
        return KubernetesDeploymentTarget.call(
                () -> lock(key).acquire(name(key), holder, owner, now, ttl).map(c -> lease(key, c)));
    }

    @Override
    public Optional<Lease> refresh(DeploymentKey key, String holder, Instant now, Duration ttl) {
        return KubernetesDeploymentTarget.call(
                () -> lock(key).refresh(name(key), holder, now, ttl).map(c -> lease(key, c)));
    }

    @Override
    public void release(DeploymentKey key, String holder) {
        KubernetesDeploymentTarget.run(() -> lock(key).release(name(key), holder));
    }

    @Override
    public Optional<Lease> current(DeploymentKey key) {
        return KubernetesDeploymentTarget.call(
                () -> lock(key).current(name(key)).map(c -> lease(key, c)));
    }

    private LeaseLock lock(DeploymentKey key) {
        return new LeaseLock(client, namespaceOf.apply(key));
    }

    private static String name(DeploymentKey key) {
        return LeaseLock.leaseName(key.application(), key.environment());
    }

    private static Lease lease(DeploymentKey key, LeaseClaim claim) {
        return new Lease(key, claim.holder(), claim.owner(), claim.acquiredAt(), claim.expiresAt());
    }
}
