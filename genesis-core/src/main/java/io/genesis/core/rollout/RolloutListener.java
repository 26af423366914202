package io.genesis.core.rollout;

/** Hears what rollouts do: the plugin writes it to the console log, the CLI to standard output. */
@FunctionalInterface
public interface RolloutListener {

    /** Must return quickly and not throw; an exception is dropped so a log can never stop a rollout. */
    void onEvent(RolloutEvent event);
}
