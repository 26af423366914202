package hudson.model;

import hudson.ExtensionPoint;
import java.util.SortedMap;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

/**
 * An item that has builds, such as a Pipeline. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. It is here for the
 * bounds of {@link Run}'s type parameters; only Jenkins creates jobs, so no constructor is declared.
 *
 * @param <JobT> the job type itself
 * @param <RunT> its build type
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {

    private Job() {
        super(null, null);
    }

    public abstract boolean isBuildable();

    protected abstract SortedMap<Integer, ? extends RunT> _getRuns();

    protected abstract void removeRun(RunT run);
}
