package io.genesis.core.rollout;

/** Hears what rollouts do: the plugin writes it to the console log, the CLI to standard output. */
@FunctionalInterface
public interface RolloutListener {

    /** Must return quickly and not throw; an exception is dropped so a log can never stop a rollout. */
    void onEvent(RolloutEvent event);

    /**
     * Called after {@link #onEvent} for an event that is also a {@link RolloutMilestone}, with the state
     * as stored. The same rules hold: return quickly, never throw. Does nothing unless overridden.
     */
    default void onMilestone(RolloutMilestone milestone, RolloutState state, RolloutEvent event) {}
}
