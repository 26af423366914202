package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.Actionable;
import hudson.model.Describable;
import hudson.security.AccessControlled;

/** A source of agents, such as a Kubernetes cluster, configured by name. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public abstract class Cloud extends Actionable implements ExtensionPoint, Describable<Cloud>, AccessControlled {

    /** The cloud's name, unique among the clouds of a Jenkins. */
    public String name;

    protected Cloud(String name) {
        throw new UnsupportedOperationException();
    }

    /** Where this cloud's page is, relative to the root. */
    @Override
    public String getSearchUrl() {
        throw new UnsupportedOperationException();
    }
}
