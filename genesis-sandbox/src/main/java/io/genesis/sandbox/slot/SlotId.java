package io.genesis.sandbox.slot;

import java.util.regex.Pattern;

/**
 * The name of one application slot in a sandbox, such as {@code slot-2}. Used as the key of weights and
 * metrics, and shown to clients in the {@code X-Genesis-Slot} response header.
 *
 * @param value letters, digits, dot, underscore or dash; 1 to 64 characters
 */
public record SlotId(String value) implements Comparable<SlotId> {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public SlotId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("slot id must be 1 to 64 letters, digits, '.', '_' or '-',"
                    + " for example 'slot-1', got '" + value + "'");
        }
    }

    /** The slot id {@code value}, validated. */
    public static SlotId of(String value) {
        return new SlotId(value);
    }

    @Override
    public int compareTo(SlotId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
