package io.genesis.core.hook;

/** Starts hooks. The engine's port: a host may run commands its own way (a Jenkins agent, say). */
@FunctionalInterface
public interface HookRunner {

    /**
     * Starts {@code hook} and returns at once.
     *
     * @throws IllegalStateException when it cannot start, with what to fix (a placeholder with no value, say)
     */
    HookRun start(Hook hook, HookContext context);
}
