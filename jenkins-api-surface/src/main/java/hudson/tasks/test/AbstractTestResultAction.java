package hudson.tasks.test;

import hudson.model.HealthReport;
import hudson.model.HealthReportingAction;
import hudson.model.Run;
import jenkins.model.RunAction2;
import jenkins.model.Tab;

/**
 * The test results recorded for a build: the JUnit plugin's {@code junit} step keeps one per build
 * and adds every call's results to it. Mirrors {@code org.jenkins-ci.plugins:junit:1421.v99cb_b_2577709}. Only the counts
 * the plugin reads, and the abstract methods, are declared.
 *
 * @param <T> the action type itself
 */
@SuppressWarnings("rawtypes")
public abstract class AbstractTestResultAction<T extends AbstractTestResultAction> extends Tab
        implements HealthReportingAction, RunAction2 {

    private AbstractTestResultAction() {
        super(null);
    }

    /** Tests that failed, errors included: the JUnit plugin does not tell the two apart. */
    public abstract int getFailCount();

    public int getSkipCount() {
        throw new UnsupportedOperationException();
    }

    /** Every test, whatever its outcome. */
    public abstract int getTotalCount();

    public abstract Object getResult();

    @Override
    public void onAttached(Run<?, ?> r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public HealthReport getBuildHealth() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }
}
