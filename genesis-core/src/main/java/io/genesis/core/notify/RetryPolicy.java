package io.genesis.core.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a failed send is tried again: exponential backoff from {@code first}, doubling up to {@code
 * longest}, with jitter (each delay drawn between half and all of it, so many entries failing at
 * once do not all come back at once), and given up after {@code attempts} sends.
 *
 * @param first the delay after the first failure
 * @param longest the longest delay
 * @param attempts how many sends at most
 */
public record RetryPolicy(Duration first, Duration longest, int attempts) {

    /** 5 s, doubling up to 5 min, 30 sends: about two hours of trying. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(5), 30);

    public RetryPolicy {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "retry delays must be positive and longest at least first, got " + first + " and " + longest);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("retry attempts must be at least 1, got " + attempts);
        }
    }

    /** The delay after the {@code failed}-th failed send (from 1), drawn with {@code random}. */
    Duration delay(int failed, RandomGenerator random) {
        long cap = longest.toMillis();
        long full = first.toMillis();
        for (int i = 1; i < failed && full < cap; i++) {
            full = full * 2;
        }
        full = Math.min(full, cap);
        long half = full / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (full - half + 1)));
    }
}
