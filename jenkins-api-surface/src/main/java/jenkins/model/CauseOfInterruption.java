package jenkins.model;

import hudson.model.TaskListener;
import java.io.Serializable;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Why a build was interrupted, kept with the build. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}.
 */
@ExportedBean
public abstract class CauseOfInterruption implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line for the build's console and page. */
    public abstract String getShortDescription();

    /** Writes the cause to {@code listener}. */
    public void print(TaskListener listener) {
        throw new UnsupportedOperationException();
    }
}
