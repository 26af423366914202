package hudson.util;

import java.io.Serializable;

/**
 * A secret value, kept encrypted on disk and masked when shown. Mirrors {@code
 * org.jenkins-ci.main:jenkins-core:2.541.3}.
 */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;

    private Secret() {
        throw new UnsupportedOperationException();
    }

    /** The secret itself: never log or store it. */
    public String getPlainText() {
        throw new UnsupportedOperationException();
    }

    /** The secret for {@code data}, decrypting it when it is an encrypted form. */
    public static Secret fromString(String data) {
        throw new UnsupportedOperationException();
    }

    /** Jenkins' own form of the value, for serialization; not the plain text. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException();
    }
}
