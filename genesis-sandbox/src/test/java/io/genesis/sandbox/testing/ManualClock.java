package io.genesis.sandbox.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when a test moves it. */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock at 2026-01-01T00:00:00Z. */
    public static ManualClock atStartOf2026() {
        return new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public void advance(Duration step) {
        now.updateAndGet(instant -> instant.plus(step));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the manual clock is always UTC");
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
