package io.genesis.sandbox.sample;

import io.genesis.core.policy.Percentage;
import java.time.Duration;

/**
 * How badly a sample service version behaves: the share of {@code GET /} requests that fail with HTTP
 * 500, the latency added to every {@code GET /} answer, and whether {@code GET /health} reports it healthy.
 * Failures are spread evenly and deterministically (see {@link FailureSchedule}), so tests can count them.
 *
 * @param failureShare share of requests answered with 500
 * @param addedLatency delay before each answer, from zero to one minute
 * @param healthy whether the health endpoint answers 200 (else 503)
 */
public record FaultProfile(Percentage failureShare, Duration addedLatency, boolean healthy) {

    /** The longest latency a profile may add; longer would only hold proxy and client threads hostage. */
    public static final Duration MAX_LATENCY = Duration.ofMinutes(1);

    private static final FaultProfile NONE = new FaultProfile(Percentage.ZERO, Duration.ZERO, true);

    public FaultProfile {
        if (failureShare == null) {
            throw new IllegalArgumentException("failureShare is required: use Percentage.ZERO for no failures");
        }
        if (addedLatency == null || addedLatency.isNegative() || addedLatency.compareTo(MAX_LATENCY) > 0) {
            throw new IllegalArgumentException(
                    "addedLatency must be between 0 and " + MAX_LATENCY + ", got " + addedLatency);
        }
    }

    /** A version that behaves: no failures, no added latency, healthy. */
    public static FaultProfile none() {
        return NONE;
    }

    /** This profile, failing {@code percent} % of requests. */
    public FaultProfile failing(double percent) {
        return new FaultProfile(Percentage.of("failureShare", percent), addedLatency, healthy);
    }

    /** This profile, adding {@code latency} to every answer. */
    public FaultProfile slowedBy(Duration latency) {
        return new FaultProfile(failureShare, latency, healthy);
    }

    /** This profile, with a health endpoint that answers 503. */
    public FaultProfile unhealthy() {
        return new FaultProfile(failureShare, addedLatency, false);
    }
}
