package io.genesis.core.rollout;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Percentage;
import io.genesis.core.policy.RefPolicy;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A rollout that succeeded, as an engine that never ran it can take it up from its deployment record
 * alone: on a machine whose state directory is fresh, the records kept with the target (a cluster's) say
 * what runs now, and the target itself knows what ran before it (a blue-green slot, a previous
 * revision). The state it gives is ended and promoted, so {@link Orchestrator#rollback} takes the one
 * rollback path after success; its journal is the record's, so the rolled-back record keeps every
 * phase, approval, analysis, note and hook of the original.
 */
public final class RecordedRollout {

    /** The note the adopted state carries, so that the record says where its rollback was started from. */
    public static final String NOTE = "rolled back from the deployment records alone: the state directory of the"
            + " engine that rolled it out was not at hand";

    private RecordedRollout() {}

    /**
     * The state of {@code record}'s rollout, ended as it ended, on {@code target}.
     *
     * @param target where it runs, opened again from this machine's settings
     * @param owner the engine taking it up
     * @param now when it is taken up
     * @throws IllegalArgumentException when the record did not succeed (there is nothing to roll back)
     */
    public static RolloutState of(DeploymentRecord record, TargetSpec target, String owner, Instant now) {
        Objects.requireNonNull(target, "target");
        if (record.status() != RecordStatus.SUCCEEDED) {
            throw new IllegalArgumentException(
                    "rollout " + record.id() + " ended " + record.status() + "; there is nothing to roll back");
        }
        RolloutRequest request = new RolloutRequest(
                record.key(),
                record.commit(),
                ref(record.ref()),
                new Version(record.version()),
                record.strategy(),
                null,
                ApprovalPolicy.none(),
                new RefPolicy(List.of(), List.of()),
                target,
                null,
                AnalysisThresholds.defaults(),
                record.initiator().isBlank() ? "unknown" : record.initiator(),
                record.build(),
                List.of(),
                record.initiatorAccount(),
                null,
                List.of(),
                record.buildDate(),
                "",
                record.commitTime(),
                null);
        Journal journal =
                new Journal(record.phases(), record.approvals(), record.analyses(), record.notes(), record.hooks());
        return RolloutState.queued(
                        RolloutId.of(record.id()),
                        request,
                        new Plan(record.strategy(), List.of(), List.of()),
                        record.target(),
                        owner,
                        record.startedAt(),
                        now)
                .edit()
                .stage(Stage.DONE)
                .touched(true)
                .promoted(true)
                .weight(Percentage.HUNDRED)
                .outcome(new RolloutState.Outcome(record.status(), record.reason(), record.endedAt()))
                .journal(journal.note(NOTE))
                .build();
    }

    /** The ref as a record spells it ({@code branch main}, {@code tag v1.2.3}); a branch when it says no kind. */
    static SourceRef ref(String text) {
        for (SourceRef.Kind kind : SourceRef.Kind.values()) {
            String prefix = new SourceRef(kind, "x").toString();
            prefix = prefix.substring(0, prefix.length() - 1);
            if (text.startsWith(prefix) && text.length() > prefix.length()) {
                return new SourceRef(kind, text.substring(prefix.length()));
            }
        }
        return SourceRef.branch(text.isBlank() ? "unknown" : text);
    }
}
