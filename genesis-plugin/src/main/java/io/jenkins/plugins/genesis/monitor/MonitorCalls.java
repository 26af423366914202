package io.jenkins.plugins.genesis.monitor;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.policy.Environment;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchRequest;
import io.genesis.core.watch.WatchState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What the {@code genesisMonitor} execution does, without Jenkins: each call takes the controller's
 * {@link MonitorHost} and the execution's {@link WatchSink}. An execution keeps only the watch's id
 * and when it stops waiting; everything else is read from the engine's store.
 */
final class MonitorCalls {

    private MonitorCalls() {}

    /**
     * Starts the watch the step asks for of what runs in its environment now (the last rollout there
     * that succeeded), or finds the one this step started before; a step that asks nothing of its own
     * joins a running watch of that rollout, such as the one the controller started after the deploy.
     *
     * @param build the build (externalizable id) whose page shows the watch
     * @throws IllegalArgumentException naming what is wrong and the fix
     */
    static WatchId start(
            MonitorHost host,
            String idempotencyKey,
            GenesisMonitorStep step,
            Environment environment,
            EnvironmentSources sources,
            String build,
            String initiator) {
        DeploymentKey key = new DeploymentKey(step.getApplication(), step.getEnvironment());
        MonitorTranslation.waitFor(step);
        DeploymentRecord running = host.rollouts()
                .running(key)
                .orElseThrow(() -> new IllegalArgumentException("nothing of " + key.application() + " runs in "
                        + key.environment() + " according to the engine's history, so there is nothing to watch;"
                        + " fix: deploy it with genesisDeploy first"));
        RolloutState rollout = host.rollouts()
                .rollout(running.id())
                .orElseThrow(() -> new IllegalArgumentException("rollout " + running.id() + ", which deployed "
                        + key.application() + " " + running.version() + " to " + key.environment()
                        + ", is no longer stored, so its watch could not roll it back; fix: deploy again"));
        WatchRequest request = MonitorTranslation.request(
                step,
                environment,
                rollout,
                sources.of(key.environment()),
                sources.thresholds(key.environment()),
                initiator);
        return host.start(idempotencyKey, request, MonitorTranslation.asksNothing(step), build);
    }

    /**
     * When a step that waits stops waiting: {@code for:} after {@code now}, unless the watch ends
     * first; {@code null} to wait for the verdict.
     */
    static Instant releaseAt(Optional<Duration> waitFor, WatchState state, Instant now) {
        if (waitFor.isEmpty()) {
            return null;
        }
        Instant release = now.plus(waitFor.get());
        return release.isBefore(state.endsAt()) ? release : null;
    }

    /**
     * Waits for the watch's verdict, or until {@code releaseAt} (then the step returns and the watch
     * goes on); a watch that ended meanwhile, such as while the controller restarted, ends the step at once.
     */
    static void await(MonitorHost host, WatchId id, Instant releaseAt, WatchSink sink) {
        boolean exists = host.await(
                id,
                new WatchWaiter() {
                    @Override
                    public void say(String line) {
                        sink.say(WatchResult.PREFIX + line);
                    }

                    @Override
                    public void ended(WatchState state) {
                        WatchResult.end(state, sink);
                    }

                    @Override
                    public void released(WatchState state) {
                        WatchResult.release(state, sink);
                    }
                },
                Optional.ofNullable(releaseAt));
        if (!exists) {
            sink.failed("watch " + id + " is no longer stored; nothing to wait for");
        }
    }

    /** The step does not wait: it says what it started and returns. */
    static void returnAtOnce(MonitorHost host, WatchId id, WatchSink sink) {
        WatchState state = host.view(id).orElseThrow();
        sink.say(WatchResult.PREFIX + describe(state) + "; it goes on in the controller's background, and its"
                + " progress and verdict show on the build page");
        sink.succeeded(WatchResult.scriptValue(state));
    }

    /** For the thread dump and the step's status, such as {@code watch jw-1a2b: WATCHING, 12 samples, 1 incident}. */
    static String status(MonitorHost host, WatchId id) {
        if (id == null) {
            return "starting the watch";
        }
        return host.view(id).map(MonitorCalls::describe).orElse("watch " + id + ": not stored");
    }

    private static String describe(WatchState state) {
        return String.format(
                Locale.ROOT,
                "watch %s of %s %s in %s: %s until %s, %d samples, %d incidents",
                state.id(),
                state.request().key().application(),
                state.request().version().value(),
                state.request().key().environment(),
                state.ended() ? state.outcome().verdict() : state.stage(),
                state.endsAt(),
                state.sampling().run().samples(),
                state.incidents().size());
    }
}
