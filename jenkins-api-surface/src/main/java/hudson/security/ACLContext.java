package hudson.security;

/**
 * The identity a thread ran as before {@link ACL#as2}, restored on {@link #close()}. Mirrors {@code
 * org.jenkins-ci.main:jenkins-core:2.541.3}.
 */
public class ACLContext implements AutoCloseable {

    private ACLContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
