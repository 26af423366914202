package io.genesis.core.history;

import io.genesis.core.target.DeploymentKey;
import java.util.Objects;

/**
 * Which records to read: optionally one application and environment, optionally one job (or every job
 * in a folder), newest first, a page at a time.
 *
 * @param key only records for this application and environment, or {@code null} for all
 * @param offset how many of the newest records to skip
 * @param limit how many records at most, 1 to 1000
 * @param job only records whose build belongs to the job with this full name, or to a job in the
 *     folder of this full name (see {@link JobNames#within}); {@code ""} for records of no job (a CLI
 *     run's free-form build); {@code null} for every build
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
        if (job != null
                && !job.isEmpty()
                && (job.isBlank() || job.startsWith("/") || job.endsWith("/") || job.contains("#"))) {
            throw new IllegalArgumentException("history job must be a job's or folder's full name such as"
                    + " 'shop/main', without a leading or trailing '/' or a '#', got '" + job + "'");
        }
    }

    /** A query of every job's records. */
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

    /** The newest {@code limit} records of the job, or of every job in the folder, with full name {@code job}. */
    public static HistoryQuery ofJob(String job, int limit) {
        return new HistoryQuery(null, 0, limit, job);
    }

    /** This query, narrowed to the records of the job (or folder) with full name {@code fullName}. */
    public HistoryQuery ofJob(String fullName) {
        return new HistoryQuery(key, offset, limit, Objects.requireNonNull(fullName, "job"));
    }

    /** The page after this one. */
    public HistoryQuery next() {
        return new HistoryQuery(key, offset + limit, limit, job);
    }

    /** The same query from {@code newOffset} with {@code newLimit} records at most. */
    public HistoryQuery at(int newOffset, int newLimit) {
        return new HistoryQuery(key, newOffset, newLimit, job);
    }

    /** Whether {@code record} is one this query asks for (its key and its job), whatever the page. */
    public boolean matches(DeploymentRecord record) {
        return (key == null || key.equals(record.key()))
                && (job == null
                        || (job.isEmpty()
                                ? JobNames.jobOf(record.build()).isEmpty()
                                : JobNames.within(record.build(), job)));
    }
}
