package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

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
}
