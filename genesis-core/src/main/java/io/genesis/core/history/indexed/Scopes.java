package io.genesis.core.history.indexed;

import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.JobNames;
import io.genesis.core.target.DeploymentKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The indexes a record is listed in, by file name: every record ({@code all.idx}), its application and
 * environment, its job (and each folder above it), its application, environment and job (and folder),
 * and, while it {@link CurrentDeployments#runs may run}, its application and environment's records that
 * may run. A query reads exactly one of them. Beside them, the index of each job's (and folder's)
 * applications and environments ({@link #keysOf}) and a marker for each application and environment
 * whose running records came out of end order ({@link #unordered}).
 * Names are hashes, so any application, environment or job name makes a safe file name.
 */
final class Scopes {

    static final String ALL = "all.idx";

    private Scopes() {}

    /**
     * The indexes of {@code record}, {@link #ALL} last (it commits the line). A record of job
     * {@code a/b/c} is listed under that job and under the folders {@code a/b} and {@code a}, so a query
     * for a job or a folder ({@link JobNames#within}) reads one index either way.
     */
    static List<String> of(DeploymentRecord record) {
        List<String> names = new ArrayList<>();
        names.add(name("k", record.application(), record.environment()));
        for (String job : JobNames.jobAndFolders(JobNames.jobOf(record.build()))) {
            names.add(name("j", job));
            names.add(keyAndJob(record.key(), job));
        }
        if (CurrentDeployments.runs(record)) {
            names.add(running(record.key()));
        }
        names.add(ALL);
        return List.copyOf(names);
    }

    /** The one index that lists exactly the records {@code query} asks for. */
    static String of(HistoryQuery query) {
        if (query.key() == null) {
            return query.job() == null ? ALL : name("j", query.job());
        }
        String application = query.key().application();
        String environment = query.key().environment();
        return query.job() == null
                ? name("k", application, environment)
                : name("kj", application, environment, query.job());
    }

    /** The index of the records of {@code key} and the job (or folder) {@code job}. */
    static String keyAndJob(DeploymentKey key, String job) {
        return name("kj", key.application(), key.environment(), job);
    }

    /** The index of the records of {@code key} that may run there, in the order they were written. */
    static String running(DeploymentKey key) {
        return name("s", key.application(), key.environment());
    }

    /**
     * The index of the first line of each application and environment that a build of the job (or of
     * a job in the folder) {@code job} deployed to: one entry per key, never replaced.
     */
    static String keysOf(String job) {
        return name("jk", job);
    }

    /**
     * The marker that says a record of {@code key} that may run was written after one that ended later
     * (an import, a rewritten record), so its newest such record is not necessarily the one that runs.
     */
    static String unordered(DeploymentKey key) {
        return "u-" + hash(key.application(), key.environment()) + ".unordered";
    }

    /** A 64-bit hash of a record's id, kept in every index entry. */
    static long idHash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static String name(String kind, String... parts) {
        return kind + "-" + hash(parts) + ".idx";
    }

    private static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
