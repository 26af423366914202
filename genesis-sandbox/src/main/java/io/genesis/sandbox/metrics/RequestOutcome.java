package io.genesis.sandbox.metrics;

/** What became of one request that reached the proxy. */
public enum RequestOutcome {
    /** The slot answered with a status below 500. */
    SUCCESS(true, false),
    /** The slot answered with a 5xx status. */
    SERVER_ERROR(true, true),
    /** The proxy could not get an answer from the slot: refused, reset or timed out (the client got 502/504). */
    UPSTREAM_FAILURE(true, true),
    /** No slot had any weight, so the proxy answered 503 itself. */
    NO_ROUTE(true, true),
    /** The client went away before the answer was written: not the application's fault, so not counted. */
    CLIENT_ABORTED(false, false);

    private final boolean counted;
    private final boolean error;

    RequestOutcome(boolean counted, boolean error) {
        this.counted = counted;
        this.error = error;
    }

    /** Whether the outcome enters request counts, rates and latency. */
    public boolean isCounted() {
        return counted;
    }

    /** Whether it counts against error rate and availability. */
    public boolean isError() {
        return error;
    }

    /** The outcome for an answer the slot gave with {@code status}. */
    public static RequestOutcome ofStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be between 100 and 599, got " + status);
        }
        return status >= 500 ? SERVER_ERROR : SUCCESS;
    }
}
