package io.genesis.sandbox.slot;

/**
 * The answer of one health probe.
 *
 * @param healthy true only when the health endpoint answered 200
 * @param status the HTTP status, or 0 when nothing answered
 * @param detail what happened, for a person: the status, or why there was no answer
 */
public record HealthCheck(boolean healthy, int status, String detail) {

    public HealthCheck {
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be 0 (no answer) or 100..599, got " + status);
        }
        if (healthy && status != 200) {
            throw new IllegalArgumentException("a health check can only be healthy with status 200, got " + status);
        }
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("detail is required: say what the probe saw");
        }
    }

    /** The endpoint answered {@code status}. */
    public static HealthCheck answered(int status) {
        return new HealthCheck(status == 200, status, "health endpoint answered " + status);
    }

    /** Nothing answered; {@code reason} says why (refused, timed out). */
    public static HealthCheck unreachable(String reason) {
        return new HealthCheck(false, 0, "health endpoint did not answer: " + reason);
    }
}
