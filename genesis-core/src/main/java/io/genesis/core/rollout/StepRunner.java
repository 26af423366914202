package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.history.AnalysisRecord;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisDecision;
import io.genesis.core.monitor.AnalysisRun;
import io.genesis.core.monitor.Analyzer;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.monitor.SampleVerdict;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Percentage;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingUpdater;
import io.genesis.core.target.TrafficRouter;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Enters and runs the steps of one rollout. Each step reads as a short script that returns as
 * soon as it has to wait, failed, or is done; the orchestrator stores every transition it returns.
 */
final class StepRunner implements Step.Visitor<Next> {

    private final Orchestrator engine;
    private final RolloutState state;
    private final Bound resources;

    StepRunner(Orchestrator engine, RolloutState state, Bound resources) {
        this.engine = engine;
        this.state = state;
        this.resources = resources;
    }

    /** Runs the current step as far as it goes now. */
    Next run() {
        return state.currentStep().accept(this);
    }

    /** Stores the rollout as entering step {@code index}: the intent is on disk before any action. */
    RolloutState enter(RolloutState.Editor editor, int index) {
        Step step = state.plan().step(index);
        Instant now = engine.now();
        RolloutState.Editor entering = editor.stage(Stage.RUNNING).step(index, progress(step, index, now));
        if (step.touchesTarget()) {
            entering.touched(true);
        }
        if (step instanceof Step.SetWeight weight) {
            entering.weight(weight.weight());
        }
        if (step instanceof Step.Promote) {
            entering.promoted(true).weight(Percentage.HUNDRED);
        }
        entering.journal(entering.journal()
                .startPhase(new PhaseRecord(index + 1, step.kind(), step.describe(), now, null, "", "")));
        RolloutState entered = engine.save(entering);
        engine.emit(entered, "step " + (index + 1) + "/" + state.plan().size() + ": " + step.describe());
        return entered;
    }

    private RolloutState.StepProgress progress(Step step, int index, Instant now) {
        EngineSettings settings = engine.settings();
        Instant progressDeadline = now.plus(settings.progressDeadline());
        if (step instanceof Step.Pause pause) {
            return RolloutState.StepProgress.entered(now, now.plus(pause.duration()));
        }
        if (step instanceof Step.Analyse analyse) {
            Instant end = now.plus(analyse.window());
            Instant first = min(now.plus(state.request().analysis().sampleInterval()), end);
            return new RolloutState.StepProgress(now, end, false, now, first, AnalysisRun.empty(), null, null);
        }
        if (step instanceof Step.AwaitApproval) {
            ApprovalRequest request = approvalRequest(index, now);
            return new RolloutState.StepProgress(now, request.deadline(), false, null, null, null, request, null);
        }
        return RolloutState.StepProgress.entered(now, progressDeadline);
    }

    private ApprovalRequest approvalRequest(int index, Instant now) {
        RolloutRequest request = state.request();
        ApprovalPolicy policy = request.approval();
        // A custom plan may ask for approval where the environment names nobody: administrators only.
        boolean administratorsOnly =
                policy.approvers().isEmpty() && policy.approverGroups().isEmpty();
        return new ApprovalRequest(
                state.id().value() + "-approval-" + (index + 1),
                state.id().value(),
                request.key(),
                request.version(),
                state.plan().strategy(),
                "Deploy " + request.version() + " of " + request.key().application() + " to "
                        + request.key().environment() + " with " + state.plan().strategy() + "?",
                policy.approvers(),
                policy.approverGroups(),
                administratorsOnly,
                request.initiator(),
                policy.preventSelfApproval(),
                now,
                now.plus(policy.waitTimer()),
                now.plus(policy.timeout()),
                request.initiatorAccount());
    }

    // ---------------------------------------------------------------- the steps

    @Override
    public Next deployCandidate(Step.DeployCandidate step) {
        return command(() -> target().deployCandidate(context()), "deploying the candidate")
                .orElseGet(() -> awaitHealthy(issued(), "candidate"));
    }

    @Override
    public Next smokeCheck(Step.SmokeCheck step) {
        Health health;
        try {
            health = target().smokeCheck(context());
        } catch (RuntimeException e) {
            return engine.fail(state, "smoke check could not run: " + Orchestrator.describe(e));
        }
        return judgeHealth(state, health, "smoke check");
    }

    @Override
    public Next setWeight(Step.SetWeight step) {
        Optional<TrafficRouter> router = target().trafficRouter();
        if (router.isEmpty()) {
            return engine.fail(state, target().describe() + " no longer offers a traffic router");
        }
        return command(() -> router.get().setWeight(context(), step.weight()), "setting the weight")
                .orElseGet(() -> awaitWeight(issued(), router.get(), step.weight()));
    }

    @Override
    public Next rollingBatch(Step.RollingBatch step) {
        Optional<RollingUpdater> updater = target().rollingUpdater();
        if (updater.isEmpty()) {
            return engine.fail(state, target().describe() + " no longer offers rolling updates");
        }
        return command(() -> updater.get().rollTo(context(), step.share(), step.bounds()), "rolling the batch")
                .orElseGet(() -> awaitHealthy(issued(), "batch of " + step.share()));
    }

    @Override
    public Next pause(Step.Pause step) {
        if (engine.now().isBefore(state.progress().deadline())) {
            return new Next.Wait(state, state.progress().deadline());
        }
        return engine.complete(state, "paused " + Durations.format(step.duration()));
    }

    @Override
    public Next approval(Step.AwaitApproval step) {
        RolloutState.StepProgress progress = state.progress();
        ApprovalRequest request = progress.approvalRequest();
        if (progress.decision() != null) {
            String by = progress.decision().by();
            String comment = progress.decision().comment().isEmpty()
                    ? ""
                    : ": " + progress.decision().comment();
            return progress.decision().approved()
                    ? engine.complete(state, "approved by " + by + comment)
                    : engine.trigger(
                            state, RecordStatus.ROLLED_BACK, "approval rejected by " + by + comment, "rejected");
        }
        if (!engine.now().isBefore(progress.deadline())) {
            String reason = "approval timed out: nobody answered within "
                    + Durations.format(Duration.between(request.requestedAt(), request.deadline()));
            withdraw(request, reason);
            return engine.trigger(state, RecordStatus.ROLLED_BACK, reason, "timed out");
        }
        RolloutState current = state;
        if (!progress.issued()) {
            try {
                engine.approver().request(request);
            } catch (RuntimeException e) {
                return engine.trigger(
                        state,
                        RecordStatus.ROLLED_BACK,
                        "could not ask for approval: " + Orchestrator.describe(e),
                        "failed");
            }
            current = engine.save(state.edit().progress(progress.markIssued()));
            engine.emit(
                    current,
                    "waiting for approval: " + request.question() + " Who may answer: "
                            + request.describeApprovers() + "; approval opens at " + request.notBefore()
                            + " and times out at " + request.deadline());
        }
        return new Next.Wait(current, progress.deadline());
    }

    @Override
    public Next analyse(Step.Analyse step) {
        MetricSource source = resources.metrics();
        Analyzer analyzer = new Analyzer(state.request().analysis(), source.metrics());
        RolloutState current = state;
        RolloutState.StepProgress progress = current.progress();
        Instant now = engine.now();
        while (!now.isBefore(progress.nextSampleAt())) {
            Instant to = min(now, progress.deadline());
            MetricWindow window = new MetricWindow(progress.lastSampleAt(), to);
            SampleVerdict verdict;
            try {
                verdict = analyzer.classify(source.sample(window));
            } catch (RuntimeException e) {
                verdict = Analyzer.unavailable(window, source.describe() + " failed: " + Orchestrator.describe(e));
            }
            AnalysisRun run = progress.analysis().plus(verdict, to);
            AnalysisDecision decision = analyzer.judge(run, verdict);
            switch (decision.kind()) {
                case ROLL_BACK -> {
                    return engine.trigger(
                            recorded(current, run, to, "rolled back", decision.reason()),
                            RecordStatus.ROLLED_BACK,
                            decision.reason(),
                            "failed");
                }
                case INCONCLUSIVE -> {
                    return inconclusive(
                            recorded(current, run, to, "inconclusive", decision.reason()), decision.reason());
                }
                case CONTINUE -> {
                    if (!to.isBefore(progress.deadline())) {
                        String summary = summary(run);
                        return engine.complete(recorded(current, run, to, "passed", summary), summary);
                    }
                    progress = progress.sampled(
                            to, min(to.plus(state.request().analysis().sampleInterval()), progress.deadline()), run);
                    current = engine.save(current.edit().progress(progress));
                }
            }
        }
        return new Next.Wait(current, progress.nextSampleAt());
    }

    @Override
    public Next promote(Step.Promote step) {
        return command(() -> target().promote(context()), "promoting the candidate")
                .orElseGet(() -> engine.complete(state, "the candidate is now the stable version"));
    }

    @Override
    public Next scaleDownPrevious(Step.ScaleDownPrevious step) {
        String done = "all " + state.plan().size() + " steps completed";
        if (!step.delay().isZero()) {
            Instant due = engine.now().plus(step.delay());
            RolloutState.Editor scheduled = state.edit()
                    .cleanup(new RolloutState.Cleanup(due, false, 0, ""))
                    .journal(state.journal().schedulePhase("previous version kept until " + due));
            return engine.finishing(scheduled, RecordStatus.SUCCEEDED, done + "; previous version kept until " + due);
        }
        String outcome = "completed";
        String detail = "previous version scaled down";
        try {
            target().scaleDownPrevious(context());
        } catch (RuntimeException e) {
            // The candidate already serves everything: a leftover previous version is waste, not a reason to roll back.
            outcome = "failed";
            detail = "scaling the previous version down failed (" + Orchestrator.describe(e)
                    + "); scale it down by hand";
        }
        return engine.finishing(
                state.edit().journal(state.journal().endPhase(engine.now(), outcome, detail)),
                RecordStatus.SUCCEEDED,
                done);
    }

    // ---------------------------------------------------------------- helpers

    /** Sends a command once per step; a failure fails the step. Empty when it was sent (now or before). */
    private Optional<Next> command(Runnable action, String what) {
        if (state.progress().issued()) {
            return Optional.empty();
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            return Optional.of(engine.fail(state, what + " failed: " + Orchestrator.describe(e)));
        }
        return Optional.empty();
    }

    /** The state with the command marked as sent, stored, unless it already was. */
    private RolloutState issued() {
        if (state.progress().issued()) {
            return state;
        }
        return engine.save(state.edit().progress(state.progress().markIssued()));
    }

    private Next awaitHealthy(RolloutState current, String what) {
        Health health;
        try {
            health = target().health(context());
        } catch (RuntimeException e) {
            // A failed poll is not a failed candidate: ask again until the deadline.
            health = Health.progressing("health check failed: " + Orchestrator.describe(e));
        }
        return judgeHealth(current, health, what);
    }

    private Next judgeHealth(RolloutState current, Health health, String what) {
        return switch (health.state()) {
            case HEALTHY -> engine.complete(current, what + " " + health);
            case UNHEALTHY -> engine.fail(current, what + " is " + health);
            case PROGRESSING ->
                waitOrGiveUp(
                        current,
                        () -> what + " not healthy within "
                                + Durations.format(engine.settings().progressDeadline()) + " (" + health + ")");
        };
    }

    private Next awaitWeight(RolloutState current, TrafficRouter router, Percentage weight) {
        boolean applied;
        try {
            applied = router.verifyWeight(context(), weight);
        } catch (RuntimeException e) {
            applied = false;
        }
        if (applied) {
            return engine.complete(current, "router sends " + weight + " to the candidate");
        }
        return waitOrGiveUp(
                current,
                () -> "router did not apply " + weight + " within "
                        + Durations.format(engine.settings().progressDeadline()));
    }

    private Next waitOrGiveUp(RolloutState current, Supplier<String> timedOut) {
        Instant now = engine.now();
        Instant deadline = current.progress().deadline();
        if (!now.isBefore(deadline)) {
            return engine.fail(current, timedOut.get());
        }
        return new Next.Wait(current, min(now.plus(engine.settings().pollInterval()), deadline));
    }

    private Next inconclusive(RolloutState current, String reason) {
        return switch (current.request().analysis().onInconclusive()) {
            case PAUSE -> engine.halt(current, reason);
            case FAIL -> engine.trigger(current, RecordStatus.FAILED, reason, "inconclusive");
            case ROLL_BACK -> engine.trigger(current, RecordStatus.ROLLED_BACK, reason, "inconclusive");
        };
    }

    /** The state with this analysis window's record added to its journal (not yet stored). */
    private RolloutState recorded(RolloutState current, AnalysisRun run, Instant to, String outcome, String reason) {
        Map<String, Double> worst = new TreeMap<>();
        run.worst().forEach((metric, value) -> worst.put(metric.name(), value));
        AnalysisRecord record = new AnalysisRecord(
                current.step() + 1,
                current.progress().enteredAt(),
                to,
                run.samples(),
                run.ok(),
                run.warnings(),
                run.inconclusive(),
                run.critical(),
                worst,
                outcome,
                reason,
                run.notable());
        return current.edit().journal(current.journal().analysis(record)).build();
    }

    private static String summary(AnalysisRun run) {
        return run.samples() + " sample(s): " + run.ok() + " ok, " + run.warnings() + " warning(s); worst: "
                + run.describeWorst();
    }

    private void withdraw(ApprovalRequest request, String reason) {
        try {
            engine.approver().withdraw(request, reason);
        } catch (RuntimeException e) {
            engine.emit(state, "could not withdraw the approval request: " + Orchestrator.describe(e));
        }
    }

    private DeploymentTarget target() {
        return resources.target();
    }

    private DeploymentContext context() {
        return resources.context();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
