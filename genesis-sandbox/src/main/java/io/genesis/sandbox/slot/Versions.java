package io.genesis.sandbox.slot;

import java.util.regex.Pattern;

/** Application versions as the sandbox accepts them: safe to pass on a command line and in a header. */
public final class Versions {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    private Versions() {}

    /** Returns {@code version} when it is valid, and throws a message naming the rule otherwise. */
    public static String require(String version) {
        if (version == null || !VALID.matcher(version).matches()) {
            throw new IllegalArgumentException("version must start with a letter or digit and hold at most 64"
                    + " letters, digits, '.', '_', '+' or '-', for example '2.0.0' or 'dev-1a2b3c4', got '" + version
                    + "'");
        }
        return version;
    }
}
