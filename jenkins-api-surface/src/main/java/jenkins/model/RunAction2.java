package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** A build action told when it is attached to its build and when it is loaded with it. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
