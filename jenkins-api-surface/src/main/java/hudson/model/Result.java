package hudson.model;

import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

/**
 * The result of a build: success, unstable, failure, not built or aborted. Mirrors
 * {@code org.jenkins-ci.main:jenkins-core:2.541.3}; of its results only those the plugin sets or reads.
 */
public final class Result implements Serializable, CustomExportedBean {

    public static final Result SUCCESS = null;

    public static final Result UNSTABLE = null;

    public static final Result FAILURE = null;

    public static final Result ABORTED = null;

    private Result() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String toExportedObject() {
        throw new UnsupportedOperationException();
    }
}
