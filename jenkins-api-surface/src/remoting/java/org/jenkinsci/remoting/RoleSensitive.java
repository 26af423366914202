package org.jenkinsci.remoting;

/** Something that says which side of a channel may run it. Mirrors {@code org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f}. */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
