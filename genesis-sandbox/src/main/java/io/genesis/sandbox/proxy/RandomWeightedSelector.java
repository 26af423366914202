package io.genesis.sandbox.proxy;

import io.genesis.sandbox.slot.SlotId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Weighted random selection, the way a real load balancer without memory behaves. Seeded, so a sequence of
 * picks from one thread repeats exactly; shares converge to the weights only over many requests.
 */
public final class RandomWeightedSelector implements WeightedSelector {

    private final List<SlotId> slots;
    private final int[] upperBounds;
    private final SplittableRandom random;

    /** A selector over the slots of {@code weights} that receive traffic, drawing from {@code seed}. */
    public RandomWeightedSelector(Weights weights, long seed) {
        this.slots = List.copyOf(weights.receivingTraffic());
        this.upperBounds = new int[slots.size()];
        int cumulative = 0;
        for (int i = 0; i < slots.size(); i++) {
            cumulative += weights.weightOf(slots.get(i));
            upperBounds[i] = cumulative;
        }
        this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized SlotId next() {
        int draw = random.nextInt(Weights.TOTAL);
        for (int i = 0; i < upperBounds.length; i++) {
            if (draw < upperBounds[i]) {
                return slots.get(i);
            }
        }
        throw new IllegalStateException("weights do not add up to " + Weights.TOTAL + ": " + slots);
    }
}
