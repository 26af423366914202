package io.genesis.sandbox.slot;

/** Starts an application version as a slot and returns it once it is ready to take traffic. */
public interface SlotLauncher {

    /**
     * Starts {@code version} under the name {@code id} and waits, for a bounded time, until it is ready.
     *
     * @throws SlotStartException when it did not become ready; nothing is left running then
     */
    Slot launch(SlotId id, String version);
}
