package org.jenkinsci.remoting;

/** The role of one side of a channel. Mirrors {@code org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f}; declared as a type only. */
public final class Role {

    private Role() {
        throw new UnsupportedOperationException();
    }
}
