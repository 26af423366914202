package io.genesis.sandbox.proxy;

import io.genesis.sandbox.slot.SlotId;
import java.util.List;

/**
 * Deterministic weighted selection that interleaves slots as evenly as possible: weights 5/1/1 give
 * {@code a a b a c a a}, and every run of 100 requests holds exactly each slot's weight. Each pick adds
 * every slot's weight to its running credit, takes the slot with the most credit (the first listed on a
 * tie) and charges it the total.
 */
public final class SmoothWeightedRoundRobin implements WeightedSelector {

    private final List<SlotId> slots;
    private final int[] weights;
    private final int[] credit;
    private final int total;

    /** A selector over the slots of {@code weights} that receive traffic. */
    public SmoothWeightedRoundRobin(Weights weights) {
        this.slots = List.copyOf(weights.receivingTraffic());
        this.weights = slots.stream().mapToInt(weights::weightOf).toArray();
        this.credit = new int[this.weights.length];
        int sum = 0;
        for (int weight : this.weights) {
            sum += weight;
        }
        this.total = sum;
    }

    @Override
    public synchronized SlotId next() {
        int best = 0;
        for (int i = 0; i < weights.length; i++) {
            credit[i] += weights[i];
            if (credit[i] > credit[best]) {
                best = i;
            }
        }
        credit[best] -= total;
        return slots.get(best);
    }
}
