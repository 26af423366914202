package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.util.Collection;

/**
 * Decides who may do what (matrix, project-based, ...). Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}:
 * its abstract methods, for the test harness's {@code MockAuthorizationStrategy}.
 */
public abstract class AuthorizationStrategy implements Describable<AuthorizationStrategy>, ExtensionPoint {

    public abstract ACL getRootACL();

    public abstract Collection<String> getGroups();
}
