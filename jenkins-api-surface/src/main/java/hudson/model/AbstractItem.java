package hudson.model;

import hudson.security.AccessControlled;
import java.util.Collection;
import jenkins.model.Loadable;
import org.kohsuke.stapler.HttpDeletable;
import org.kohsuke.stapler.StaplerProxy;

/** The base of items. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public abstract class AbstractItem extends Actionable
        implements Loadable, Item, HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy {

    @SuppressWarnings("rawtypes")
    protected AbstractItem(ItemGroup parent, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public abstract Collection<? extends Job> getAllJobs();
}
