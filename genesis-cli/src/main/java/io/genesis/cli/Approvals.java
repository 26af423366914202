package io.genesis.cli;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.ApprovalRefusedException;
import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.Approver;
import io.genesis.core.approval.Identity;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Approval on the command line: the answer comes from {@code --approve-as USER} or from the person at
 * the terminal. Nothing authenticates them: whoever can run genesis on this state directory can also
 * edit it, so the flags state who approves and the environment's rules decide whether they may.
 */
final class Approvals implements Approver {

    /** How often the terminal asks again after the rules refused an answer. */
    private static final int PROMPTS = 3;

    private final Optional<String> approveAs;
    private final Set<String> groups;
    private final boolean administrator;
    private final Optional<Prompter> prompter;
    private final String user;
    private final Clock clock;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private volatile String refusal;

    /**
     * @param approveAs the user named by {@code --approve-as}, if any
     * @param groups the groups named by {@code --approver-group}
     * @param administrator whether {@code --as-administrator} was given
     * @param prompter the terminal, if a person is there
     * @param user who runs the command, as the operating system says: the default name at the prompt,
     *     and the account every answer is recorded from
     * @param clock the engine's clock, for the wait timer
     */
    Approvals(
            Optional<String> approveAs,
            Set<String> groups,
            boolean administrator,
            Optional<Prompter> prompter,
            String user,
            Clock clock) {
        this.approveAs = approveAs;
        this.groups = Set.copyOf(groups);
        this.administrator = administrator;
        this.prompter = prompter;
        this.user = user;
        this.clock = clock;
    }

    /** Whether anybody can answer at all: a flag names the approver, or a person is at the terminal. */
    boolean available() {
        return approveAs.isPresent() || prompter.isPresent();
    }

    /** Why an answer was refused so that the rollout had to be cancelled, if that happened. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public void request(ApprovalRequest request) {
        // The question is shown when the rollout is seen waiting (see answer): the terminal belongs to the
        // command's own thread, not to the engine's scheduler.
    }

    /**
     * Answers {@code request} if its wait timer allows, else says once when it will. Returns whether an
     * answer was given (or the rollout cancelled).
     */
    boolean answer(Orchestrator engine, ApprovalRequest request, Progress progress) {
        RolloutId id = RolloutId.of(request.rolloutId());
        Instant now = clock.instant();
        if (now.isBefore(request.notBefore()) && announced.add(request.requestId())) {
            progress.line("the wait timer opens approval at " + request.notBefore() + ", in "
                    + Durations.format(Duration.between(now, request.notBefore())) + "; waiting");
        }
        if (now.isBefore(request.notBefore())) {
            return false;
        }
        if (approveAs.isPresent()) {
            Identity identity = identity(approveAs.get());
            return decide(
                    engine,
                    id,
                    ApprovalDecision.approve(identity, "approved on the command line with --approve-as")
                            .fromAccount(user),
                    progress);
        }
        return prompt(engine, request, id, progress);
    }

    private boolean prompt(Orchestrator engine, ApprovalRequest request, RolloutId id, Progress progress) {
        Prompter terminal = prompter.orElseThrow();
        for (int attempt = 1; attempt <= PROMPTS; attempt++) {
            String yes = terminal.ask(request.question() + " [y/N] ")
                    .orElse("")
                    .trim()
                    .toLowerCase(Locale.ROOT);
            String name = terminal.ask(
                            (yes.startsWith("y") ? "approve" : "reject") + " as (user name) [" + user + "]: ")
                    .map(String::trim)
                    .filter(answer -> !answer.isEmpty())
                    .orElse(user);
            Identity identity = identity(name);
            ApprovalDecision decision = (yes.startsWith("y")
                            ? ApprovalDecision.approve(identity, "approved at the terminal")
                            : ApprovalDecision.reject(identity, "rejected at the terminal"))
                    .fromAccount(user);
            try {
                engine.decide(id, decision);
                return true;
            } catch (ApprovalRefusedException e) {
                progress.line(
                        "answer refused: " + e.getMessage() + (attempt < PROMPTS ? "; try again" : "; giving up"));
            } catch (IllegalStateException e) {
                return true;
            }
        }
        cancel(engine, id, "nobody at the terminal gave an answer the rules accept", progress);
        return true;
    }

    private boolean decide(Orchestrator engine, RolloutId id, ApprovalDecision decision, Progress progress) {
        try {
            engine.decide(id, decision);
        } catch (ApprovalRefusedException e) {
            cancel(engine, id, "the approval given with --approve-as was refused: " + e.getMessage(), progress);
        } catch (IllegalStateException e) {
            // Answered meanwhile (or no longer waiting): nothing left to do.
        }
        return true;
    }

    private void cancel(Orchestrator engine, RolloutId id, String why, Progress progress) {
        refusal = why;
        progress.line(why + "; cancelling the rollout");
        engine.rollback(id, why, "genesis");
    }

    private Identity identity(String name) {
        return new Identity(name, groups, administrator);
    }
}
