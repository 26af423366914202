package hudson.security;

/** Who may do what on one object. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; declared as a type only. */
public abstract class ACL {

    private ACL() {
        throw new UnsupportedOperationException();
    }
}
