package hudson.security;

/** Where a permission may be granted. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public final class PermissionScope {

    /** On an item (a job or folder), and so in every folder above it. */
    public static final PermissionScope ITEM = null;

    private PermissionScope() {
        throw new UnsupportedOperationException();
    }
}
