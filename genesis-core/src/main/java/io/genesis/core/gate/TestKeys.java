package io.genesis.core.gate;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Every test of one report set by its key (class name and test name, as Surefire, pytest and the
 * JUnit plugin key a test), with the worst outcome seen for it so far. A test costs one
 * {@code long}: a 61-bit fingerprint of its key and three bits of outcome, in an open-addressing
 * table, so a report set of a million tests costs 16 MB at most, whatever the names' length.
 *
 * <p>Two different keys share a fingerprint with a probability of about n²/2⁶² (one in ten
 * million for a million tests); they would then count as one test with the worse outcome, never
 * hide a failure. The fingerprint is seeded per table, so a report cannot be crafted to make all
 * keys land in one slot.
 */
final class TestKeys {

    /** No code stored: the key was not seen before. */
    static final int ABSENT = -1;

    private static final int CODE_BITS = 3;
    private static final long CODE_MASK = (1L << CODE_BITS) - 1;
    private static final int FIRST_CAPACITY = 1 << 10;

    private final long maxTests;
    private final long seed;
    private long[] slots = new long[FIRST_CAPACITY];
    private long size;

    TestKeys(long maxTests) {
        this(maxTests, ThreadLocalRandom.current().nextLong());
    }

    TestKeys(long maxTests, long seed) {
        this.maxTests = maxTests;
        this.seed = seed;
    }

    /**
     * Stores {@code code} (0 to 7) for the key, keeping the larger code if the key was there.
     *
     * @return the code stored before, or {@link #ABSENT}
     * @throws TooManyTestsException when a new key would make more than the limit
     */
    int put(String className, String name, int code) throws TooManyTestsException {
        long fingerprint = fingerprint(className, name);
        int mask = slots.length - 1;
        int slot = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
        while (true) {
            long entry = slots[slot];
            if (entry == 0) {
                break;
            }
            if (entry >>> CODE_BITS == fingerprint) {
                int before = (int) (entry & CODE_MASK);
                if (code > before) {
                    slots[slot] = fingerprint << CODE_BITS | code;
                }
                return before;
            }
            slot = (slot + 1) & mask;
        }
        if (size >= maxTests) {
            throw new TooManyTestsException(maxTests);
        }
        slots[slot] = fingerprint << CODE_BITS | code;
        size++;
        if (size * 4 > slots.length * 3L) {
            grow();
        }
        return ABSENT;
    }

    long size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long entry : old) {
            if (entry != 0) {
                long fingerprint = entry >>> CODE_BITS;
                int slot = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }

    /** A seeded 61-bit hash of both names, never 0 (0 marks an empty slot). */
    private long fingerprint(String className, String name) {
        long h = seed;
        h = mix(h, className);
        h = (h ^ 0x1F) * 0x9E3779B97F4A7C15L; // a separator: ("ab", "c") and ("a", "bc") differ
        h = mix(h, name);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        long fingerprint = h >>> CODE_BITS;
        return fingerprint == 0 ? 1 : fingerprint;
    }

    private static long mix(long h, String text) {
        long hash = h;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001B3L;
            hash ^= hash >>> 29;
        }
        return (hash ^ text.length()) * 0x9E3779B97F4A7C15L;
    }

    /** More distinct tests than the limit allows. */
    static final class TooManyTestsException extends Exception {

        private static final long serialVersionUID = 1L;

        private final long limit;

        TooManyTestsException(long limit) {
            super("more than " + limit + " distinct tests", null, false, false);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
