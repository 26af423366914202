package io.genesis.cli;

import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutStateStore;
import io.genesis.core.rollout.Stage;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's one lock port over the locks of every target kind: the lock of a rollout's
 * (application, environment) lives with its target where the kind keeps one there (a Kubernetes
 * Lease in the target namespace, which genesis processes with different state directories share),
 * else in the state directory. The rollout asking is the lock's holder, so its stored target names
 * the lock; a question without a holder goes to the lock of the key's newest unfinished rollout.
 */
final class TargetLocks implements RolloutLock {

    private final RolloutStateStore states;
    private final TargetKinds kinds;
    private final RolloutLock fallback;

    /**
     * @param states where the rollouts asking are stored
     * @param kinds the kinds that may keep the lock with their targets
     * @param fallback the lock for targets that keep none (the state directory's)
     */
    TargetLocks(RolloutStateStore states, TargetKinds kinds, RolloutLock fallback) {
        this.states = Objects.requireNonNull(states, "states");
        this.kinds = Objects.requireNonNull(kinds, "kinds");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Optional<Lease> acquire(DeploymentKey key, String holder, String owner, Instant now, Duration ttl) {
        return lockOf(holder).acquire(key, holder, owner, now, ttl);
    }

    @Override
    public Optional<Lease> refresh(DeploymentKey key, String holder, Instant now, Duration ttl) {
        return lockOf(holder).refresh(key, holder, now, ttl);
    }

    @Override
    public void release(DeploymentKey key, String holder) {
        lockOf(holder).release(key, holder);
    }

    @Override
    public Optional<Lease> current(DeploymentKey key) {
        return states.list().stream()
                .filter(s -> s.request().key().equals(key) && s.stage() != Stage.DONE)
                .max(Comparator.comparing(RolloutState::submittedAt).thenComparing(RolloutState::id))
                .map(s -> lockOf(s.request().target()))
                .orElse(fallback)
                .current(key);
    }

    private RolloutLock lockOf(String holder) {
        Optional<RolloutId> id;
        try {
            id = Optional.of(RolloutId.of(holder));
        } catch (IllegalArgumentException notARollout) {
            id = Optional.empty();
        }
        return id.flatMap(states::load)
                .map(state -> lockOf(state.request().target()))
                .orElse(fallback);
    }

    private RolloutLock lockOf(TargetSpec target) {
        return kinds.find(target.kind()).flatMap(kind -> kind.lock(target)).orElse(fallback);
    }
}
