package io.genesis.sandbox.sample;

import io.genesis.core.policy.Percentage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which requests fail so that exactly the configured share fails over any run of 10 000 requests,
 * spread as evenly as possible: 20 % fails every fifth request, 50 % every second one. Request {@code n}
 * (counting from 1) fails when {@code floor(n * s) > floor((n - 1) * s)}, with {@code s} the share in basis
 * points over 10 000. Deterministic, so a test can predict the count; thread-safe.
 */
public final class FailureSchedule {

    private static final long BASIS = 10_000;

    private final long basisPoints;
    private final AtomicLong requests = new AtomicLong();

    public FailureSchedule(Percentage share) {
        this.basisPoints = Math.round(share.value() * 100);
    }

    /** Counts one more request and answers whether it is one that must fail. */
    public boolean nextFails() {
        long n = requests.incrementAndGet();
        return (n * basisPoints) / BASIS > ((n - 1) * basisPoints) / BASIS;
    }
}
