package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** The answer of a form field check: ok, warning or error, with a message. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public abstract class FormValidation extends IOException implements HttpResponse {

    private FormValidation() {
        throw new UnsupportedOperationException();
    }

    /** An error whose message is shown HTML-escaped. */
    public static FormValidation error(String message) {
        throw new UnsupportedOperationException();
    }

    /** A warning whose message is shown HTML-escaped. */
    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException();
    }

    public abstract String renderHtml();
}
