package io.genesis.docker.target;

import io.genesis.docker.engine.ContainerState;

/**
 * One container of a deployment, read from its labels, with the weight the proxy gives it now.
 *
 * @param container what the engine says about it
 * @param weight its weight in the proxy; 0 when the proxy does not route to it
 */
record Replica(ContainerState container, int weight) {

    String name() {
        return container.name();
    }

    String rollout() {
        return container.label(Labels.ROLLOUT);
    }

    String version() {
        return container.label(Labels.VERSION);
    }

    String slot() {
        return container.label(Labels.SLOT);
    }

    int port() {
        return Integer.parseInt(container.label(Labels.PORT));
    }

    int index() {
        return Integer.parseInt(container.label(Labels.REPLICA));
    }

    boolean rolling() {
        return Labels.ROLLING.equals(container.label(Labels.STRATEGY));
    }

    boolean serving() {
        return weight > 0;
    }
}
