package io.genesis.core.hook;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** One hook started by a {@link HookRunner}: the engine polls it and never waits for it. */
public interface HookRun {

    /** How it ended, or empty while it still runs. Never blocks. */
    Optional<HookReport> poll();

    /** Stops it (its timeout passed, or the rollout ended first); does nothing once it has ended. */
    void stop();

    /** Completes when the run has ended, so that a caller may look again at once rather than at its next poll. */
    CompletionStage<?> ended();
}
