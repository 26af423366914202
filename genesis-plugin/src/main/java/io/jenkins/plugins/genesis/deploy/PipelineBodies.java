package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookContext;
import io.genesis.core.hook.HookReport;
import io.genesis.core.hook.HookRun;
import io.genesis.core.hook.HookRunner;
import io.genesis.core.secret.Redaction;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bodies of {@code genesisDeploy} calls, as the engine's hosted hooks: when a rollout reaches its
 * pre-traffic hook, the body of the step waiting for it is started on the Pipeline (on whatever agent
 * its {@code node} asks for), and its end is the hook's end. The step itself holds no executor
 * meanwhile. A hook the engine reaches before its step has said it waits is started as soon as it does.
 */
final class PipelineBodies implements HookRunner {

    /** Starts the body of the step waiting for a rollout; gives back how to stop it. */
    @FunctionalInterface
    interface BodyStarter {
        Runnable start(HookContext context);
    }

    /** What a body hook is called in records and events. */
    static final String BODY = "the genesisDeploy body";

    private final Map<String, BodyStarter> waiting = new ConcurrentHashMap<>();
    private final Map<String, BodyRun> running = new ConcurrentHashMap<>();

    @Override
    public HookRun start(Hook hook, HookContext context) {
        BodyRun run = new BodyRun(context);
        BodyRun left = running.put(context.rolloutId(), run);
        if (left != null) {
            left.stop();
        }
        BodyStarter starter = waiting.get(context.rolloutId());
        if (starter != null) {
            run.begin(starter);
        }
        return run;
    }

    /** The step of {@code rolloutId} waits and can start its body; a hook reached already starts now. */
    void waiting(String rolloutId, BodyStarter starter) {
        waiting.put(rolloutId, starter);
        BodyRun run = running.get(rolloutId);
        if (run != null) {
            run.begin(starter);
        }
    }

    /** The body of {@code rolloutId} ended; {@code failure} is its error, or {@code null} when it completed. */
    void ended(String rolloutId, Throwable failure) {
        BodyRun run = running.remove(rolloutId);
        if (run == null) {
            return;
        }
        String detail = failure == null
                ? "the body completed"
                : "the body failed: " + Redaction.text(String.valueOf(failure.getMessage()));
        run.ended.complete(new HookReport(failure == null, null, detail, ""));
    }

    /** The step of {@code rolloutId} ended: nothing more is started for it. */
    void forget(String rolloutId) {
        waiting.remove(rolloutId);
        Optional.ofNullable(running.remove(rolloutId)).ifPresent(BodyRun::stop);
    }

    /** One body: pending until its step waits, then running until its callback says how it ended. */
    private static final class BodyRun implements HookRun {
        private final HookContext context;
        private final CompletableFuture<HookReport> ended = new CompletableFuture<>();
        private Runnable stop;

        BodyRun(HookContext context) {
            this.context = context;
        }

        synchronized void begin(BodyStarter starter) {
            if (stop != null || ended.isDone()) {
                return;
            }
            try {
                stop = starter.start(context);
            } catch (RuntimeException e) {
                ended.complete(new HookReport(
                        false,
                        null,
                        "the body could not start: " + Redaction.text(String.valueOf(e.getMessage())),
                        ""));
            }
        }

        @Override
        public Optional<HookReport> poll() {
            return Optional.ofNullable(ended.getNow(null));
        }

        @Override
        public synchronized void stop() {
            ended.complete(new HookReport(false, null, "stopped", ""));
            if (stop != null) {
                stop.run();
            }
        }

        @Override
        public CompletionStage<?> ended() {
            return ended;
        }
    }
}
