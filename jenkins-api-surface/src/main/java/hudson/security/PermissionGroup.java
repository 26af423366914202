package hudson.security;

import java.util.Iterator;
import java.util.List;
import org.jvnet.localizer.Localizable;

/** A group of permissions, one column group of the permission matrix. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {

    /** Defines and registers a group whose permissions are owned by {@code owner}. */
    @SuppressWarnings("rawtypes")
    public PermissionGroup(String id, Class owner, Localizable title) throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterator<Permission> iterator() {
        throw new UnsupportedOperationException();
    }

    public synchronized List<Permission> getPermissions() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(PermissionGroup that) {
        throw new UnsupportedOperationException();
    }

    /** Every registered group. */
    public static synchronized List<PermissionGroup> getAll() {
        throw new UnsupportedOperationException();
    }
}
