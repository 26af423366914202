package io.genesis.core.rollout;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A rollout's id: short, safe in file names and URLs, and sortable by creation time when made by
 * {@link #generator(Clock)}.
 *
 * @param value the id text
 */
public record RolloutId(@JsonValue String value) implements Comparable<RolloutId> {

    private static final Pattern TEXT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @JsonCreator
    public RolloutId {
        if (value == null || !TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException("rollout id '" + value
                    + "' is not valid: use 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
        }
    }

    public static RolloutId of(String value) {
        return new RolloutId(value);
    }

    /** Ids of the form {@code r-<time>-<random>}, ordered by the clock's time. */
    public static Supplier<RolloutId> generator(Clock clock) {
        SecureRandom random = new SecureRandom();
        return () -> new RolloutId(String.format(Locale.ROOT, "r-%011x-%06x", clock.millis(), random.nextInt(1 << 24)));
    }

    /** Ids {@code <prefix>-1}, {@code <prefix>-2}, ...: deterministic, for simulations. */
    public static Supplier<RolloutId> sequence(String prefix) {
        AtomicLong next = new AtomicLong();
        return () -> new RolloutId(String.format(Locale.ROOT, "%s-%04d", prefix, next.incrementAndGet()));
    }

    @Override
    public int compareTo(RolloutId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
