package io.genesis.core.rollout;

/**
 * Stands for the process dying at a chosen operation. An {@link Error}, so that the engine, which
 * handles only runtime exceptions from its ports, lets it through as it would a real death.
 */
final class SimulatedCrash extends Error {

    private static final long serialVersionUID = 1L;

    SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}
