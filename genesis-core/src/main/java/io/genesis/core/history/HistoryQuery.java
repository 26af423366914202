package io.genesis.core.history;

import io.genesis.core.target.DeploymentKey;
import java.util.Objects;

/**
 * Which records to read: optionally one application and environment, optionally one job, newest
 * first, a page at a time.
 *
 * @param key only records for this application and environment, or {@code null} for all
 * @param offset how many of the newest records to skip
 * @param limit how many records at most, 1 to 1000
 * @param job only records whose build belongs to this job full name ({@link BuildJob}; {@code ""} for
 *     records of no job), or {@code null} for any job
 */
public record HistoryQuery(DeploymentKey key, int offset, int limit, String job) {

    public static final int MAX_LIMIT = 1000;

    public HistoryQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("history offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("history limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** Records of any job. */
    public HistoryQuery(DeploymentKey key, int offset, int limit) {
        this(key, offset, limit, null);
    }

    /** The newest {@code limit} records of every application and environment. */
    public static HistoryQuery newest(int limit) {
        return new HistoryQuery(null, 0, limit);
    }

    /** The newest {@code limit} records of {@code key}. */
    public static HistoryQuery of(DeploymentKey key, int limit) {
        return new HistoryQuery(key, 0, limit);
    }

    /** This query, narrowed to the records of the job with full name {@code fullName}. */
    public HistoryQuery ofJob(String fullName) {
        return new HistoryQuery(key, offset, limit, Objects.requireNonNull(fullName, "job"));
    }

    /** The page after this one. */
    public HistoryQuery next() {
        return new HistoryQuery(key, offset + limit, limit, job);
    }

    boolean matches(DeploymentRecord record) {
        return (key == null || key.equals(record.key())) && (job == null || job.equals(BuildJob.of(record)));
    }
}
