package jenkins.model;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * A section of the global configuration page (Manage Jenkins, System), which is its own
 * descriptor. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}.
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {

    protected GlobalConfiguration() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException();
    }

    public static ExtensionList<GlobalConfiguration> all() {
        throw new UnsupportedOperationException();
    }
}
