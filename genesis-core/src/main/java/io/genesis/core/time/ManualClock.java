package io.genesis.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that only moves when told to. Simulations and tests drive a 48-hour window through it
 * in milliseconds; it never goes backwards, because nothing in the engine expects that.
 */
public final class ManualClock extends Clock {

    private final ZoneId zone;
    private Instant now;

    public ManualClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private ManualClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    /** Moves the clock forward by {@code amount}, which must not be negative. */
    public synchronized Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a manual clock only moves forward; got " + amount);
        }
        now = now.plus(amount);
        return now;
    }

    /**
     * Sets the clock back by {@code amount}, as a wall clock corrected by NTP or by hand may be set back:
     * for tests of what a clock jump does. {@link #advance} and {@link #advanceTo} only ever move forward.
     */
    public synchronized Instant setBack(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("setBack takes how far back, not a negative duration; got " + amount);
        }
        now = now.minus(amount);
        return now;
    }

    /** Moves the clock to {@code instant}; an instant earlier than now leaves it where it is. */
    public synchronized Instant advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        throw new UnsupportedOperationException("a manual clock keeps UTC; convert instants when you display them");
    }

    @Override
    public String toString() {
        return "ManualClock[" + instant() + "]";
    }
}
