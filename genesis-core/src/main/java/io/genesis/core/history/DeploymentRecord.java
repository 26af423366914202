package io.genesis.core.history;

import io.genesis.core.target.DeploymentKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that happened in one rollout, written when it ends. The store keeps one logical
 * record per {@code id}; a later line with the same id (a rollback after success) replaces it.
 *
 * @param id the rollout's id
 * @param application the application
 * @param environment the environment
 * @param version the version deployed, such as {@code 1.2.3} or {@code dev-1a2b3c4}
 * @param commit the commit deployed
 * @param ref the branch or tag built, such as {@code tag v1.2.3}
 * @param build the build that started it, if known (may be empty)
 * @param strategy the strategy's name
 * @param initiator who started it
 * @param target what it was deployed to
 * @param startedAt when it was submitted
 * @param endedAt when it ended
 * @param status how it ended
 * @param reason why it ended that way
 * @param phases each step with its timestamps
 * @param approvals each accepted approval decision
 * @param analyses each analysis window with its measured values
 * @param notes other facts people need, such as a traffic switch collapsed for lack of a router
 * @param rollbackTriggeredAt when a rollback was triggered, or {@code null}
 * @param trafficRestoredAt when traffic was back on the stable version, or {@code null}
 * @param timeToRestore from trigger to restored traffic, or {@code null}
 * @param initiatorAccount the account that started it (operating-system or Jenkins user), beside the
 *     name {@code initiator} gave; the initiator in records written before accounts were recorded
 * @param hooks each lifecycle hook run, with its exit, duration, the gate's reading and its output's
 *     tail; empty in records written before hooks were recorded
 * @param buildDate when the build that produced the version ran (the release manifest's build date), or
 *     {@code null} when not known, as in records written before it was recorded
 * @param commitTime when the deployed commit was made (its committer date), or {@code null} when not known,
 *     as in records written before it was recorded; the start of the DORA lead time
 */
public record DeploymentRecord(
        String id,
        String application,
        String environment,
        String version,
        String commit,
        String ref,
        String build,
        String strategy,
        String initiator,
        String target,
        Instant startedAt,
        Instant endedAt,
        RecordStatus status,
        String reason,
        List<PhaseRecord> phases,
        List<ApprovalRecord> approvals,
        List<AnalysisRecord> analyses,
        List<String> notes,
        Instant rollbackTriggeredAt,
        Instant trafficRestoredAt,
        Duration timeToRestore,
        String initiatorAccount,
        List<HookRecord> hooks,
        Instant buildDate,
        Instant commitTime) {

    public DeploymentRecord {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a deployment record needs an id");
        }
        new DeploymentKey(application, environment);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commit, "commit");
        ref = ref == null ? "" : ref;
        build = build == null ? "" : build;
        Objects.requireNonNull(strategy, "strategy");
        initiator = initiator == null ? "" : initiator;
        target = target == null ? "" : target;
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        phases = phases == null ? List.of() : List.copyOf(phases);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        analyses = analyses == null ? List.of() : List.copyOf(analyses);
        notes = notes == null ? List.of() : List.copyOf(notes);
        initiatorAccount = initiatorAccount == null || initiatorAccount.isBlank() ? initiator : initiatorAccount;
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    /** A record without hooks or a build date, as written before either was recorded. */
    public DeploymentRecord(
            String id,
            String application,
            String environment,
            String version,
            String commit,
            String ref,
            String build,
            String strategy,
            String initiator,
            String target,
            Instant startedAt,
            Instant endedAt,
            RecordStatus status,
            String reason,
            List<PhaseRecord> phases,
            List<ApprovalRecord> approvals,
            List<AnalysisRecord> analyses,
            List<String> notes,
            Instant rollbackTriggeredAt,
            Instant trafficRestoredAt,
            Duration timeToRestore,
            String initiatorAccount) {
        this(
                id,
                application,
                environment,
                version,
                commit,
                ref,
                build,
                strategy,
                initiator,
                target,
                startedAt,
                endedAt,
                status,
                reason,
                phases,
                approvals,
                analyses,
                notes,
                rollbackTriggeredAt,
                trafficRestoredAt,
                timeToRestore,
                initiatorAccount,
                null,
                null,
                null);
    }

    /** When the build that produced the version ran, if the record knows. */
    public Optional<Instant> builtAt() {
        return Optional.ofNullable(buildDate);
    }

    /** When the deployed commit was made (its committer date), if the record knows. */
    public Optional<Instant> committedAt() {
        return Optional.ofNullable(commitTime);
    }

    public DeploymentKey key() {
        return new DeploymentKey(application, environment);
    }

    /** How long traffic took to come back to the stable version after a rollback was triggered. */
    public Optional<Duration> restoreTime() {
        return Optional.ofNullable(timeToRestore);
    }

    /** This record as rolled back later (after it had succeeded), keeping everything else. */
    public DeploymentRecord rolledBackLater(String why, Instant triggered, Instant restored, Instant ended) {
        return new DeploymentRecord(
                id,
                application,
                environment,
                version,
                commit,
                ref,
                build,
                strategy,
                initiator,
                target,
                startedAt,
                ended,
                RecordStatus.ROLLED_BACK,
                why,
                phases,
                approvals,
                analyses,
                notes,
                triggered,
                restored,
                restored == null ? null : Duration.between(triggered, restored),
                initiatorAccount,
                hooks,
                buildDate,
                commitTime);
    }
}
