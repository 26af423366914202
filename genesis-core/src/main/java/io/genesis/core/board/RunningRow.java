package io.genesis.core.board;

import java.time.Instant;
import java.util.Objects;

/**
 * A rollout still in progress: what a page offers to abort, or to promote while it waits for approval.
 *
 * @param rolloutId the rollout
 * @param application the application
 * @param environment the environment
 * @param version the version being rolled out
 * @param strategy the strategy
 * @param status where it is, such as {@code AWAITING_APPROVAL} or {@code ANALYSING}
 * @param step the current step, such as {@code step 4 of 9: analyse 5m}, empty outside a step
 * @param build the build that started it, empty when not known
 * @param submittedAt when it was submitted
 */
public record RunningRow(
        String rolloutId,
        String application,
        String environment,
        String version,
        String strategy,
        String status,
        String step,
        String build,
        Instant submittedAt) {

    public RunningRow {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(status, "status");
        step = step == null ? "" : step;
        build = build == null ? "" : build;
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    /** Whether it waits for an approver's answer, which promoting gives. */
    public boolean awaitingApproval() {
        return "AWAITING_APPROVAL".equals(status);
    }
}
