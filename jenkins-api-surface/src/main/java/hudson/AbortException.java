package hudson;

import java.io.IOException;

/**
 * A failure whose message says everything: Jenkins prints the message without a stack trace and
 * fails the build or step. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}.
 */
public class AbortException extends IOException {

    public AbortException(String message) {
        throw new UnsupportedOperationException();
    }
}
