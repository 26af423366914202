package hudson.security;

/**
 * One permission, such as administering Jenkins. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. The plugin only passes
 * permissions along, so no constructor or member is declared.
 */
public final class Permission {

    private Permission() {
        throw new UnsupportedOperationException();
    }
}
