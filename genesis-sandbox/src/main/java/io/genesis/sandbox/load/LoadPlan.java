package io.genesis.sandbox.load;

import io.genesis.sandbox.net.Loopback;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a {@link LoadGenerator} run does: {@code GET} requests to one loopback address from a fixed number
 * of workers, until a request count or a duration is reached (whichever comes first; at least one is
 * required). Built with {@link #to(URI)}.
 */
public final class LoadPlan {

    /** The most requests one plan may send. */
    public static final long MAX_REQUESTS = 10_000_000;

    /** The longest a plan may run. */
    public static final Duration MAX_DURATION = Duration.ofHours(1);

    /** The most concurrent workers. */
    public static final int MAX_CONCURRENCY = 256;

    /** The response header whose values the report counts by default: the slot that served each request. */
    public static final String DEFAULT_COUNTED_HEADER = "X-Genesis-Slot";

    private final URI target;
    private final long maxRequests;
    private final Duration maxDuration;
    private final int concurrency;
    private final Duration requestTimeout;
    private final Duration thinkTime;
    private final String countedHeader;

    private LoadPlan(Builder builder) {
        this.target = builder.target;
        this.maxRequests = builder.maxRequests;
        this.maxDuration = builder.maxDuration;
        this.concurrency = builder.concurrency;
        this.requestTimeout = builder.requestTimeout;
        this.thinkTime = builder.thinkTime;
        this.countedHeader = builder.countedHeader;
    }

    /** Starts a plan that sends requests to {@code target}, an {@code http://127.0.0.1:<port>/...} address. */
    public static Builder to(URI target) {
        return new Builder(Loopback.requireLoopbackHttp("load target", target));
    }

    /** Where requests go. */
    public URI target() {
        return target;
    }

    /** The request count the run stops at, if any. */
    public OptionalLong maxRequests() {
        return maxRequests == 0 ? OptionalLong.empty() : OptionalLong.of(maxRequests);
    }

    /** The time the run stops after, if any; requests already sent may take up to the request timeout more. */
    public Optional<Duration> maxDuration() {
        return Optional.ofNullable(maxDuration);
    }

    /** Workers sending requests at the same time. */
    public int concurrency() {
        return concurrency;
    }

    /** How long one request may take before it counts as failed. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Pause of each worker between its requests (zero: as fast as answers come). */
    public Duration thinkTime() {
        return thinkTime;
    }

    /** The response header whose values the report counts. */
    public String countedHeader() {
        return countedHeader;
    }

    @Override
    public String toString() {
        return "GET " + target + " with " + concurrency + " workers, stop after "
                + (maxRequests == 0 ? "" : maxRequests + " requests")
                + (maxRequests != 0 && maxDuration != null ? " or " : "")
                + (maxDuration == null ? "" : maxDuration.toMillis() + " ms");
    }

    /** Builds a {@link LoadPlan}; {@link #build()} checks it. */
    public static final class Builder {
        private final URI target;
        private long maxRequests;
        private Duration maxDuration;
        private int concurrency = 4;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration thinkTime = Duration.ZERO;
        private String countedHeader = DEFAULT_COUNTED_HEADER;

        private Builder(URI target) {
            this.target = target;
        }

        /** Stop after {@code count} requests (1 to {@value LoadPlan#MAX_REQUESTS}). */
        public Builder requests(long count) {
            if (count < 1 || count > MAX_REQUESTS) {
                throw new IllegalArgumentException("requests must be between 1 and " + MAX_REQUESTS + ", got " + count);
            }
            this.maxRequests = count;
            return this;
        }

        /** Stop sending after {@code duration} (positive, at most one hour). */
        public Builder duration(Duration duration) {
            if (duration == null
                    || duration.isNegative()
                    || duration.isZero()
                    || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException(
                        "duration must be positive and at most " + MAX_DURATION + ", got " + duration);
            }
            this.maxDuration = duration;
            return this;
        }

        /** Workers sending at once (1 to {@value LoadPlan#MAX_CONCURRENCY}); 4 by default. */
        public Builder concurrency(int workers) {
            if (workers < 1 || workers > MAX_CONCURRENCY) {
                throw new IllegalArgumentException(
                        "concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + workers);
            }
            this.concurrency = workers;
            return this;
        }

        /** Time limit of one request (positive, at most 5 minutes); 10 s by default. */
        public Builder requestTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMinutes() > 5) {
                throw new IllegalArgumentException(
                        "requestTimeout must be positive and at most 5 minutes, got " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /** Pause of each worker between requests (zero to one minute); none by default. */
        public Builder thinkTime(Duration pause) {
            if (pause == null || pause.isNegative() || pause.toMinutes() > 1) {
                throw new IllegalArgumentException("thinkTime must be between 0 and 1 minute, got " + pause);
            }
            this.thinkTime = pause;
            return this;
        }

        /** Count responses by this header's value instead of {@value LoadPlan#DEFAULT_COUNTED_HEADER}. */
        public Builder countBy(String headerName) {
            if (headerName == null || !headerName.matches("[A-Za-z0-9-]{1,64}")) {
                throw new IllegalArgumentException(
                        "header name must be 1 to 64 letters, digits or '-', got '" + headerName + "'");
            }
            this.countedHeader = headerName;
            return this;
        }

        /** The plan; fails when it has neither a request count nor a duration, so it would never stop. */
        public LoadPlan build() {
            if (maxRequests == 0 && maxDuration == null) {
                throw new IllegalArgumentException(
                        "a load plan needs requests(n) or duration(d), or both, so it" + " stops by itself");
            }
            Objects.requireNonNull(target, "target");
            return new LoadPlan(this);
        }
    }
}
