package io.genesis.core.history.indexed;

import io.genesis.core.history.BuildJob;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The indexes a record is listed in, by file name: every record ({@code all.idx}), its application and
 * environment, its job, and its application, environment and job. A query reads exactly one of them.
 * Names are hashes, so any application, environment or job name makes a safe file name.
 */
final class Scopes {

    static final String ALL = "all.idx";

    private Scopes() {}

    /** The indexes of {@code record}, {@link #ALL} last (it commits the line). */
    static List<String> of(DeploymentRecord record) {
        String job = BuildJob.of(record);
        return List.of(
                name("k", record.application(), record.environment()),
                name("j", job),
                name("kj", record.application(), record.environment(), job),
                ALL);
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
