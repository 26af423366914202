package io.genesis.docker.proxy;

/**
 * HAProxy's running totals for one server since it was added: answers by class and failed exchanges.
 *
 * @param answered responses received from the server (any status)
 * @param serverErrors responses with a 5xx status
 * @param failed connection and response errors (refused, reset, timed out)
 */
public record ServerCounters(long answered, long serverErrors, long failed) {

    public static final ServerCounters ZERO = new ServerCounters(0, 0, 0);

    /** Every request the server was sent and that ended, answered or not. */
    public long requests() {
        return answered + failed;
    }

    /** Requests that failed: 5xx answers and failed exchanges. */
    public long errors() {
        return serverErrors + failed;
    }

    public ServerCounters plus(ServerCounters other) {
        return new ServerCounters(answered + other.answered, serverErrors + other.serverErrors, failed + other.failed);
    }

    /** The counts since {@code earlier}; a server re-added since (counters restarted) counts from zero. */
    public ServerCounters since(ServerCounters earlier) {
        if (answered < earlier.answered || failed < earlier.failed || serverErrors < earlier.serverErrors) {
            return this;
        }
        return new ServerCounters(
                answered - earlier.answered, serverErrors - earlier.serverErrors, failed - earlier.failed);
    }
}
