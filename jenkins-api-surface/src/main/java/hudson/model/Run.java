package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;
import org.springframework.security.access.AccessDeniedException;

/**
 * One build of a job, such as a Pipeline run. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. Only Jenkins creates
 * builds, so no constructor is declared; of its members only those the plugin uses.
 *
 * @param <JobT> the job type
 * @param <RunT> the build type itself
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint,
                Comparable<RunT>,
                AccessControlled,
                PersistenceRoot,
                DescriptorByNameOwner,
                OnMaster,
                StaplerProxy,
                HistoricalBuild,
                WithConsoleUrl {

    private Run() {
        throw new UnsupportedOperationException();
    }

    /** Adds an action to this build and saves it with the build. */
    @Override
    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    /** The job this build belongs to. */
    public JobT getParent() {
        throw new UnsupportedOperationException();
    }

    /** Makes the build's result worse; a better result than the current one is ignored. */
    public void setResult(Result r) {
        throw new UnsupportedOperationException();
    }

    /**
     * The build's address including Jenkins' root URL; fails with {@link IllegalStateException} when no root URL is
     * configured.
     */
    @Deprecated
    public final String getAbsoluteUrl() {
        throw new UnsupportedOperationException();
    }

    /** An id that names this build across restarts: the job's full name, {@code #}, the build number. */
    public String getExternalizableId() {
        throw new UnsupportedOperationException();
    }

    /**
     * The build {@code id} names, or {@code null} when it no longer exists; the current thread needs
     * read access to its job.
     */
    public static Run<?, ?> fromExternalizableId(String id) throws IllegalArgumentException, AccessDeniedException {
        throw new UnsupportedOperationException();
    }

    /** The build's cause of {@code type}, such as the user who started it, or {@code null}. */
    public <T extends Cause> T getCause(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
