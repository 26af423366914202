package hudson.security;

import org.springframework.security.core.Authentication;

/** Who may do what on one object. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; declared as a type only. */
public abstract class ACL {

    /** The identity of Jenkins itself, allowed everything. */
    public static final Authentication SYSTEM2 = null;

    /** Runs the current thread as {@code auth} until the returned context is closed. */
    public static ACLContext as2(Authentication auth) {
        throw new UnsupportedOperationException();
    }

    private ACL() {
        throw new UnsupportedOperationException();
    }
}
