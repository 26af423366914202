package io.genesis.sandbox.proxy;

import io.genesis.sandbox.slot.SlotId;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What the proxy routes by, replaced as a whole on every change so a request sees either the old table or
 * the new one, never a mix. {@code weights} and {@code selector} are null until weights are first set.
 */
record RoutingTable(Map<SlotId, URI> backends, Weights weights, WeightedSelector selector, long generation) {

    static RoutingTable initial() {
        return new RoutingTable(Map.of(), null, null, 0);
    }

    RoutingTable withBackends(Map<SlotId, URI> newBackends, Weights newWeights, WeightedSelector newSelector) {
        return new RoutingTable(Map.copyOf(newBackends), newWeights, newSelector, generation + 1);
    }

    Optional<Route> select() {
        if (selector == null) {
            return Optional.empty();
        }
        SlotId slot = selector.next();
        return Optional.of(new Route(slot, backends.get(slot)));
    }

    /** One request's destination. */
    record Route(SlotId slot, URI backend) {}
}
