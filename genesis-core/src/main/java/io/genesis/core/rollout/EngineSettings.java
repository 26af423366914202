package io.genesis.core.rollout;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine runs rollouts, as opposed to what each rollout asks for.
 *
 * @param owner this engine instance's name, such as {@code jenkins@ci-1}; stored with every rollout it runs
 * @param leaseTtl how long a rollout and its lock stay claimed without a heartbeat; after that,
 *     another engine's reconciler may adopt the rollout
 * @param pollInterval how often health and traffic weights are checked while a step waits for them
 * @param progressDeadline how long a candidate, batch or weight may take to become healthy or applied
 * @param lockRetryInterval how often a queued rollout asks for the lock again
 * @param whenBusy what a second rollout for the same application and environment does
 * @param supersedeAwaitingApproval whether a new rollout replaces an older one for the same key
 *     that is still waiting for approval (or queued) and has not touched the target
 * @param recovery what the reconciler does with a rollout interrupted in the middle of a step
 * @param rollbackAttempts how many times a failing rollback is tried before the rollout is marked failed
 * @param retryInterval the wait between rollback or scale-down attempts
 */
public record EngineSettings(
        String owner,
        Duration leaseTtl,
        Duration pollInterval,
        Duration progressDeadline,
        Duration lockRetryInterval,
        ConcurrencyPolicy whenBusy,
        boolean supersedeAwaitingApproval,
        RecoveryPolicy recovery,
        int rollbackAttempts,
        Duration retryInterval) {

    public EngineSettings {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("owner must name this engine instance, such as 'jenkins@ci-1'");
        }
        requirePositive("leaseTtl", leaseTtl);
        requirePositive("pollInterval", pollInterval);
        requirePositive("progressDeadline", progressDeadline);
        requirePositive("lockRetryInterval", lockRetryInterval);
        Objects.requireNonNull(whenBusy, "whenBusy");
        Objects.requireNonNull(recovery, "recovery");
        if (rollbackAttempts < 1) {
            throw new IllegalArgumentException("rollbackAttempts must be at least 1, got " + rollbackAttempts);
        }
        requirePositive("retryInterval", retryInterval);
    }

    /**
     * Five-minute leases, health checked every 5 s for up to 10 min, queued rollouts wait in
     * line, newer rollouts supersede those awaiting approval, interrupted rollouts resume,
     * rollbacks are tried three times 30 s apart.
     */
    public static EngineSettings defaults(String owner) {
        return new EngineSettings(
                owner,
                Duration.ofMinutes(5),
                Duration.ofSeconds(5),
                Duration.ofMinutes(10),
                Duration.ofSeconds(30),
                ConcurrencyPolicy.QUEUE,
                true,
                RecoveryPolicy.RESUME,
                3,
                Duration.ofSeconds(30));
    }

    public EngineSettings withOwner(String newOwner) {
        return new EngineSettings(
                newOwner,
                leaseTtl,
                pollInterval,
                progressDeadline,
                lockRetryInterval,
                whenBusy,
                supersedeAwaitingApproval,
                recovery,
                rollbackAttempts,
                retryInterval);
    }

    public EngineSettings withLeaseTtl(Duration ttl) {
        return new EngineSettings(
                owner,
                ttl,
                pollInterval,
                progressDeadline,
                lockRetryInterval,
                whenBusy,
                supersedeAwaitingApproval,
                recovery,
                rollbackAttempts,
                retryInterval);
    }

    public EngineSettings withProgressDeadline(Duration deadline) {
        return new EngineSettings(
                owner,
                leaseTtl,
                pollInterval,
                deadline,
                lockRetryInterval,
                whenBusy,
                supersedeAwaitingApproval,
                recovery,
                rollbackAttempts,
                retryInterval);
    }

    public EngineSettings withWhenBusy(ConcurrencyPolicy policy) {
        return new EngineSettings(
                owner,
                leaseTtl,
                pollInterval,
                progressDeadline,
                lockRetryInterval,
                policy,
                supersedeAwaitingApproval,
                recovery,
                rollbackAttempts,
                retryInterval);
    }

    public EngineSettings withSupersedeAwaitingApproval(boolean supersede) {
        return new EngineSettings(
                owner,
                leaseTtl,
                pollInterval,
                progressDeadline,
                lockRetryInterval,
                whenBusy,
                supersede,
                recovery,
                rollbackAttempts,
                retryInterval);
    }

    public EngineSettings withRecovery(RecoveryPolicy policy) {
        return new EngineSettings(
                owner,
                leaseTtl,
                pollInterval,
                progressDeadline,
                lockRetryInterval,
                whenBusy,
                supersedeAwaitingApproval,
                policy,
                rollbackAttempts,
                retryInterval);
    }

    public EngineSettings withPollInterval(Duration interval) {
        return new EngineSettings(
                owner,
                leaseTtl,
                interval,
                progressDeadline,
                lockRetryInterval,
                whenBusy,
                supersedeAwaitingApproval,
                recovery,
                rollbackAttempts,
                retryInterval);
    }

    public EngineSettings withLockRetryInterval(Duration interval) {
        return new EngineSettings(
                owner,
                leaseTtl,
                pollInterval,
                progressDeadline,
                interval,
                whenBusy,
                supersedeAwaitingApproval,
                recovery,
                rollbackAttempts,
                retryInterval);
    }

    public EngineSettings withRollbackAttempts(int attempts, Duration interval) {
        return new EngineSettings(
                owner,
                leaseTtl,
                pollInterval,
                progressDeadline,
                lockRetryInterval,
                whenBusy,
                supersedeAwaitingApproval,
                recovery,
                attempts,
                interval);
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
