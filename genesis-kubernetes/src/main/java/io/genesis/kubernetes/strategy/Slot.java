package io.genesis.kubernetes.strategy;

import java.util.Arrays;
import java.util.Locale;

/** A blue-green slot: one of two Deployments that take turns serving users. */
public enum Slot {
    BLUE,
    GREEN;

    /** The value of the {@code slot} label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Slot other() {
        return this == BLUE ? GREEN : BLUE;
    }

    /** The slot a label value names; anything else fails, listing the slots. */
    public static Slot of(String label) {
        return Arrays.stream(values())
                .filter(s -> s.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "slot '" + label + "' is not a blue-green slot; known slots: blue, green"));
    }
}
