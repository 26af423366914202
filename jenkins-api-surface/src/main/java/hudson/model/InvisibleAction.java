package hudson.model;

/** An action with no link and no page: it only carries data. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public abstract class InvisibleAction implements Action {

    @Override
    public final String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
