package io.genesis.core.watch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A watch's id: short, safe in file names and URLs, sortable by creation time when made by {@link
 * #generator(Clock)}.
 *
 * @param value the id text
 */
public record WatchId(@JsonValue String value) implements Comparable<WatchId> {

    private static final Pattern TEXT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @JsonCreator
    public WatchId {
        if (value == null || !TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException("watch id '" + value
                    + "' is not valid: use 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
        }
    }

    public static WatchId of(String value) {
        return new WatchId(value);
    }

    /** Ids of the form {@code w-<time>-<random>}, ordered by the clock's time. */
    public static Supplier<WatchId> generator(Clock clock) {
        SecureRandom random = new SecureRandom();
        return () -> new WatchId(String.format(Locale.ROOT, "w-%011x-%06x", clock.millis(), random.nextInt(1 << 24)));
    }

    /** Ids {@code <prefix>-0001}, {@code <prefix>-0002}, ...: deterministic, for simulations. */
    public static Supplier<WatchId> sequence(String prefix) {
        AtomicLong next = new AtomicLong();
        return () -> new WatchId(String.format(Locale.ROOT, "%s-%04d", prefix, next.incrementAndGet()));
    }

    @Override
    public int compareTo(WatchId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
