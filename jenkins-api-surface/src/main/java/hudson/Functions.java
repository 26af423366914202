package hudson;

import hudson.security.Permission;

/** Static helpers Jenkins exposes to views and plugins. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public class Functions {

    public Functions() {
        throw new UnsupportedOperationException();
    }

    /** Checks {@code permission} against the Jenkins root, failing with an access-denied error. */
    public static void checkPermission(Permission permission) {
        throw new UnsupportedOperationException();
    }

    /** Whether the current user has {@code permission} on the Jenkins root ({@code true} when it is {@code null}). */
    public static boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException();
    }
}
