package hudson.security;

import org.springframework.security.access.AccessDeniedException;

/** An object protected by an {@link ACL}. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; default methods the plugin does not call are left out. */
public interface AccessControlled {
    ACL getACL();

    /** Fails with Jenkins' access-denied error unless the current user has {@code permission} here. */
    default void checkPermission(Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException();
    }

    /** Whether the current user (the thread's authentication) has {@code permission} here. */
    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException();
    }
}
