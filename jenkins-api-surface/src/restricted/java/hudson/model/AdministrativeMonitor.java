package hudson.model;

import hudson.ExtensionPoint;
import java.io.IOException;
import org.kohsuke.stapler.StaplerProxy;

/**
 * A check whose message Jenkins shows to administrators on the "Manage Jenkins" page while it is activated.
 * Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}.
 */
public abstract class AdministrativeMonitor extends AbstractModelObject implements ExtensionPoint, StaplerProxy {

    public final String id;

    protected AdministrativeMonitor(String id) {
        this.id = id;
    }

    protected AdministrativeMonitor() {
        this.id = getClass().getName();
    }

    public String getUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final String getSearchUrl() {
        throw new UnsupportedOperationException();
    }

    public void disable(boolean value) throws IOException {
        throw new UnsupportedOperationException();
    }

    public boolean isEnabled() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean isActivated();

    public boolean isSecurity() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException();
    }
}
