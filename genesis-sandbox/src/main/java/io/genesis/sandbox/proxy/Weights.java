package io.genesis.sandbox.proxy;

import io.genesis.sandbox.slot.SlotId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How traffic is shared between slots: a whole percentage from 0 to 100 per slot, adding up to exactly 100.
 * A slot listed with 0 is known to the proxy but gets no new requests.
 *
 * @param percentages the weight of each slot, sorted by slot id
 */
public record Weights(SortedMap<SlotId, Integer> percentages) {

    /** What the weights must add up to. */
    public static final int TOTAL = 100;

    public Weights {
        if (percentages == null || percentages.isEmpty()) {
            throw new IllegalArgumentException("weights are empty: give at least one slot 100");
        }
        int sum = 0;
        for (Map.Entry<SlotId, Integer> entry : percentages.entrySet()) {
            Objects.requireNonNull(entry.getKey(), "weights hold a null slot id");
            Integer weight = entry.getValue();
            if (weight == null || weight < 0 || weight > TOTAL) {
                throw new IllegalArgumentException(
                        "weight of " + entry.getKey() + " must be between 0 and 100, got " + weight);
            }
            sum += weight;
        }
        if (sum != TOTAL) {
            throw new IllegalArgumentException("weights must add up to 100, got " + sum + " in " + describe(percentages)
                    + ": lower or raise one of them");
        }
        percentages = Collections.unmodifiableSortedMap(new TreeMap<>(percentages));
    }

    /** Weights from any map; validated. */
    public static Weights of(Map<SlotId, Integer> percentages) {
        return new Weights(percentages == null ? null : new TreeMap<>(percentages));
    }

    /** All traffic to {@code slot}. */
    public static Weights all(SlotId slot) {
        return of(Map.of(slot, TOTAL));
    }

    /**
     * {@code canaryPercent} to {@code canary} and the rest to {@code stable}: what a traffic router's
     * {@code setWeight(percent)} means.
     */
    public static Weights split(SlotId stable, SlotId canary, int canaryPercent) {
        if (stable.equals(canary)) {
            throw new IllegalArgumentException("stable and canary must be different slots, both are " + stable);
        }
        if (canaryPercent < 0 || canaryPercent > TOTAL) {
            throw new IllegalArgumentException("canary weight must be between 0 and 100, got " + canaryPercent);
        }
        return of(Map.of(stable, TOTAL - canaryPercent, canary, canaryPercent));
    }

    /** The weight of {@code slot}, 0 when it is not listed. */
    public int weightOf(SlotId slot) {
        return percentages.getOrDefault(slot, 0);
    }

    /** Every listed slot, including those at 0. */
    public Set<SlotId> slots() {
        return percentages.keySet();
    }

    /** The slots that get new requests (weight above 0). */
    public Set<SlotId> receivingTraffic() {
        return percentages.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** These weights without {@code slot}, which must be at 0. */
    Weights without(SlotId slot) {
        if (weightOf(slot) > 0) {
            throw new IllegalStateException(slot + " still has " + weightOf(slot) + " % of traffic");
        }
        TreeMap<SlotId, Integer> rest = new TreeMap<>(percentages);
        rest.remove(slot);
        return new Weights(rest);
    }

    @Override
    public String toString() {
        return describe(percentages);
    }

    private static String describe(Map<SlotId, Integer> percentages) {
        return percentages.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue() + "%")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
