package org.jenkinsci.remoting;

import java.util.Collection;

/** Checks that a callable may run on this side of a channel. Mirrors {@code org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f}. */
public abstract class RoleChecker {

    public RoleChecker() {
        throw new UnsupportedOperationException();
    }

    public abstract void check(RoleSensitive subject, Collection<Role> expected) throws SecurityException;
}
