package hudson.model;

import org.kohsuke.stapler.HttpResponse;

/**
 * An anticipated error whose message Jenkins shows on its error page, without a stack trace.
 * Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}.
 */
public class Failure extends RuntimeException implements HttpResponse {

    public Failure(String message) {
        throw new UnsupportedOperationException();
    }
}
