package io.jenkins.plugins.genesis.approval;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.Approver;
import io.genesis.core.approval.Identity;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's {@link Approver} in Jenkins: puts an approval request on the build that started the
 * rollout ({@link ApprovalAction}, a page with approve and reject buttons), marks the waiting
 * {@code genesisDeploy} step's node as paused so stage views show the wait, and writes a line with
 * the page's address to the step's log. Answers come back through the action, which hands them to
 * the engine ({@link ApprovalDecisions}); the engine's rules decide.
 *
 * <p>Asking again with a known request id (the engine does after a restart) adds nothing: it
 * connects the stored action to this approver again and restores the pause if it is missing.
 */
public final class JenkinsApprover implements Approver {

    private static final Logger LOGGER = Logger.getLogger(JenkinsApprover.class.getName());

    private final Function<String, Optional<BuildApprovals>> builds;
    private final ApprovalDecisions decisions;
    private final WaitingNodes nodes;
    private final Clock clock;

    /**
     * @param runs finds the build that started a rollout
     * @param decisions hands answers to the engine
     */
    public JenkinsApprover(RolloutRuns runs, ApprovalDecisions decisions) {
        this(
                rolloutId ->
                        Objects.requireNonNull(runs, "runs").runOf(rolloutId).map(RunApprovals::new),
                decisions,
                new StepPauses(),
                Clock.systemUTC());
    }

    JenkinsApprover(
            Function<String, Optional<BuildApprovals>> builds,
            ApprovalDecisions decisions,
            WaitingNodes nodes,
            Clock clock) {
        this.builds = Objects.requireNonNull(builds, "builds");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalStateException when the rollout's build is gone: nobody could answer, so the
     *     engine must not wait (it rolls back, saying so)
     */
    @Override
    public void request(ApprovalRequest request) {
        BuildApprovals build = builds.apply(request.rolloutId())
                .orElseThrow(() -> new IllegalStateException(Messages.NO_BUILD.format(request.rolloutId())));
        ApprovalAction action;
        boolean added = false;
        synchronized (this) {
            action = build.find(request.requestId()).orElse(null);
            if (action == null) {
                action = ApprovalAction.of(request);
                build.add(action);
                added = true;
            }
        }
        action.connect(this);
        if (added) {
            save(build);
        }
        String line = added
                ? Messages.CONSOLE_REQUESTED.format(
                        request.question(),
                        build.urlOf(action),
                        request.describeApprovers(),
                        request.notBefore(),
                        request.deadline())
                : null;
        if (action.isWaiting()) {
            nodes.pause(build, request.rolloutId(), Messages.PAUSE_CAUSE.format(), line);
        }
    }

    @Override
    public void withdraw(ApprovalRequest request, String reason) {
        Optional<BuildApprovals> build = builds.apply(request.rolloutId());
        if (build.isEmpty()) {
            return;
        }
        Optional<ApprovalAction> action = build.get().find(request.requestId());
        if (action.isPresent() && action.get().withdrawn(reason, clock.instant())) {
            save(build.get());
            nodes.endPause(build.get(), request.rolloutId(), Messages.CONSOLE_WITHDRAWN.format(reason));
        }
    }

    /**
     * Closes every request of {@code rolloutId} still waiting, because the rollout ended without an
     * answer (the build was aborted, the engine cancelled or reconciled it): the page stops offering
     * the buttons and the step's pause ends. The engine withdraws requests itself only when they time
     * out or are superseded, so the host calls this when it sees a rollout end.
     */
    public void close(String rolloutId, String reason) {
        Optional<BuildApprovals> build = builds.apply(rolloutId);
        if (build.isEmpty()) {
            return;
        }
        boolean closed = false;
        for (ApprovalAction action : build.get().approvals()) {
            if (action.getRolloutId().equals(rolloutId)) {
                closed |= action.withdrawn(reason, clock.instant());
            }
        }
        if (closed) {
            save(build.get());
            nodes.endPause(build.get(), rolloutId, Messages.CONSOLE_WITHDRAWN.format(reason));
        }
    }

    /**
     * Hands {@code who}'s answer to {@code action} to the engine; when it is accepted, keeps it with
     * the build and ends the step's pause.
     */
    AnswerOutcome answer(ApprovalAction action, Optional<Identity> who, String comment, boolean approved) {
        AnswerOutcome outcome = ApprovalAnswers.answer(action, decisions, who, comment, approved, clock.instant());
        if (outcome.accepted()) {
            builds.apply(action.getRolloutId()).ifPresent(build -> {
                save(build);
                nodes.endPause(
                        build,
                        action.getRolloutId(),
                        Messages.CONSOLE_ANSWERED.format(
                                action.getState().toLowerCase(Locale.ROOT),
                                action.getAnsweredBy(),
                                action.getComment()));
            });
        }
        return outcome;
    }

    /* The engine's store is the record; a build that could not be saved only loses the page until the engine asks again. */
    private static void save(BuildApprovals build) {
        try {
            build.save();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not save the approval request with its build", e);
        }
    }
}
