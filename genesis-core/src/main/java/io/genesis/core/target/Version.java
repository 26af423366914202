package io.genesis.core.target;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.genesis.core.policy.SourceRef;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The version people see for a deployment: a release tag {@code v1.2.3} becomes {@code 1.2.3};
 * anything else becomes {@code dev-} and the first seven characters of the commit ({@link VersionRule}).
 *
 * @param value the version text
 */
public record Version(@JsonValue String value) {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    private static final Pattern TEXT = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,127}");

    @JsonCreator
    public Version {
        if (value == null || !TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException("version '" + value
                    + "' is not valid: use up to 128 letters, digits, '.', '+', '_' or '-', starting with a letter"
                    + " or digit (for example 1.2.3)");
        }
    }

    /** The version for a build of {@code commit} made from {@code ref}, by {@link VersionRule#DEFAULT}. */
    public static Version of(SourceRef ref, String commit) {
        return VersionRule.DEFAULT.resolve(ref, commit);
    }

    /**
     * Checks a commit id: 7 to 64 hexadecimal characters (SHA-1 or SHA-256, full or abbreviated),
     * returned in lower case.
     */
    public static String requireCommit(String commit) {
        String lower = commit == null ? "" : commit.trim().toLowerCase(Locale.ROOT);
        if (!COMMIT.matcher(lower).matches()) {
            throw new IllegalArgumentException(
                    "commit '" + commit + "' is not a commit id: expected 7 to 64 hexadecimal characters");
        }
        return lower;
    }

    /** Whether this is a released version rather than a development build. */
    public boolean release() {
        return !value.startsWith("dev-");
    }

    @Override
    public String toString() {
        return value;
    }
}
