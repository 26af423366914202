package io.genesis.core.history.indexed;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.JobNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The indexes a record is listed in, by file name: every record ({@code all.idx}), its application and
 * environment, its job (and each folder above it), and its application, environment and job (and
 * folder). A query reads exactly one of them.
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
            names.add(name("kj", record.application(), record.environment(), job));
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
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return kind + "-" + HexFormat.of().formatHex(digest.digest(), 0, 16) + ".idx";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
