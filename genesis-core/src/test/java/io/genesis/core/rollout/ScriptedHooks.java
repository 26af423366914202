package io.genesis.core.rollout;

import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookContext;
import io.genesis.core.hook.HookReport;
import io.genesis.core.hook.HookRun;
import io.genesis.core.hook.HookRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hooks whose end the test decides, for the engine's side of hooks: each started hook is kept with
 * its context, runs until {@link #finish} ends it, and says whether it was stopped. Real commands and
 * webhooks are tested in the hook package and end to end on the sandbox.
 */
final class ScriptedHooks implements HookRunner {

    final List<Started> started = new ArrayList<>();
    private RuntimeException refuse;

    @Override
    public synchronized HookRun start(Hook hook, HookContext context) {
        if (refuse != null) {
            throw refuse;
        }
        Started run = new Started(hook, context);
        started.add(run);
        return run;
    }

    /** The next hooks cannot start. */
    synchronized void refuse(RuntimeException why) {
        this.refuse = why;
    }

    synchronized Started last() {
        return started.get(started.size() - 1);
    }

    /** One hook started by the engine. */
    static final class Started implements HookRun {
        final Hook hook;
        final HookContext context;
        private final CompletableFuture<HookReport> ended = new CompletableFuture<>();
        volatile boolean stopped;

        Started(Hook hook, HookContext context) {
            this.hook = hook;
            this.context = context;
        }

        void finish(HookReport report) {
            ended.complete(report);
        }

        @Override
        public Optional<HookReport> poll() {
            return Optional.ofNullable(ended.getNow(null));
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public CompletionStage<?> ended() {
            return ended;
        }
    }
}
