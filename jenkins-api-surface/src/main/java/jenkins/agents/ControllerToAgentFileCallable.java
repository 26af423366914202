package jenkins.agents;

import hudson.FilePath;
import org.jenkinsci.remoting.RoleChecker;

/**
 * File work the controller sends to an agent. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}.
 *
 * @param <T> what the work returns
 */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {

    /** Declares that this work may only be sent from the controller to an agent. */
    @Override
    default void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException();
    }
}
