package jenkins.model;

import hudson.model.Action;
import hudson.model.Actionable;

/** An action shown as a tab of its object. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public abstract class Tab implements Action, Badgeable {

    public Tab(Actionable object) {
        throw new UnsupportedOperationException();
    }
}
