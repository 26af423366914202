package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutView;
import io.genesis.core.target.DeploymentKey;
import java.util.Locale;
import java.util.Optional;

/**
 * What the deploy and rollback executions do, without Jenkins: each call takes the controller's
 * {@link RolloutHost} and the execution's {@link StepSink}. An execution keeps only the rollout's id
 * and its idempotency key between calls; everything else is read from the engine's store.
 */
final class RolloutCalls {

    private RolloutCalls() {}

    /** Starts (or, for a key seen before, attaches to) the rollout of a deploy step; returns its id. */
    static String deploy(RolloutHost host, String idempotencyKey, RolloutRequest request, StepSink sink) {
        return host.deploy(idempotencyKey, request, StepWatchers.deploy(sink));
    }

    /**
     * After a restart: waits again for the deploy step's rollout, which ends the step at once when
     * the rollout ended while the controller was down.
     *
     * @param rolloutId the id the execution kept, or {@code null} when it was saved before it learnt it
     */
    static void resumeDeploy(RolloutHost host, String idempotencyKey, String rolloutId, StepSink sink) {
        String id = rolloutId != null ? rolloutId : RolloutHost.idFor(idempotencyKey);
        if (!host.attach(id, StepWatchers.deploy(sink))) {
            sink.failed("rollout " + id + " was never stored: the controller stopped before the engine took the"
                    + " request, so nothing was deployed; run the build again");
        }
    }

    /**
     * The build was aborted: roll the rollout back and end the step once traffic is back. A rollout
     * that has ended meanwhile is left as it is; the step ends with its record.
     */
    static void stopDeploy(RolloutHost host, String rolloutId, String reason, String by, StepSink sink) {
        Optional<RolloutView> view = host.view(rolloutId);
        if (view.isEmpty() && !host.withdraw(rolloutId)) {
            sink.say(StepWatchers.PREFIX + "rollout " + rolloutId + " withdrawn before it started: " + reason);
            sink.failed(reason);
            return;
        }
        view = host.view(rolloutId);
        if (view.isPresent() && view.get().status().ended()) {
            host.attach(rolloutId, StepWatchers.deploy(sink));
            return;
        }
        sink.say(StepWatchers.PREFIX + "rolling back rollout " + rolloutId + ": " + reason);
        host.rollback(rolloutId, reason, by, StepWatchers.deploy(sink));
    }

    /**
     * The rollout a rollback step rolls back: the newest of {@code key} that {@code build} started,
     * or of any build when {@code build} is {@code null}.
     */
    static Optional<String> rollbackTarget(RolloutHost host, DeploymentKey key, String build) {
        return host.latest(key, build);
    }

    /** Rolls {@code rolloutId} back and waits until traffic is on the previous version again. */
    static void rollback(RolloutHost host, String rolloutId, String reason, String by, StepSink sink) {
        host.rollback(rolloutId, reason, by, StepWatchers.rollback(sink));
    }

    /** After a restart: waits again for the rollback step's rollout. */
    static void resumeRollback(RolloutHost host, String rolloutId, StepSink sink) {
        if (!host.attach(rolloutId, StepWatchers.rollback(sink))) {
            sink.failed("rollout " + rolloutId + " is no longer stored; nothing to wait for");
        }
    }

    /**
     * The phase for Jenkins' thread dump and step status, such as {@code rollout j-1a2b: ANALYSING,
     * step 4 of 9 (analyse 1m), weight 10.00 %}.
     */
    static String status(RolloutHost host, String rolloutId) {
        if (rolloutId == null) {
            return "submitting the rollout";
        }
        return host.view(rolloutId)
                .map(view -> String.format(
                        Locale.ROOT,
                        "rollout %s: %s, step %d of %d%s, weight %s",
                        rolloutId,
                        view.status(),
                        view.step(),
                        view.steps(),
                        view.stepDescription().isEmpty() ? "" : " (" + view.stepDescription() + ")",
                        view.weight()))
                .orElse("rollout " + rolloutId + ": being submitted");
    }
}
