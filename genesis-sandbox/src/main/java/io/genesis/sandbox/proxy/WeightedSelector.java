package io.genesis.sandbox.proxy;

import io.genesis.sandbox.slot.SlotId;

/** Picks the slot for the next request according to a fixed set of weights; thread-safe. */
public interface WeightedSelector {

    /** The slot for the next request; never one whose weight is 0. */
    SlotId next();
}
