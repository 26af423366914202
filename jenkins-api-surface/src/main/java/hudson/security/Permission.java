package hudson.security;

import org.jvnet.localizer.Localizable;

/**
 * One permission, such as administering Jenkins. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}: the
 * constructor a plugin defines its own permissions with, the root permission they are implied by, and the id.
 */
public final class Permission {

    /**
     * The root permission, which {@code Jenkins.ADMINISTER} names too (the same object); declared here because
     * {@code jenkins.model.Jenkins} is not part of the surface.
     */
    @Deprecated
    public static final Permission HUDSON_ADMINISTER = null;

    /** Defines and registers a permission of {@code group}, granted with {@code impliedBy}, within {@code scope}. */
    public Permission(
            PermissionGroup group, String name, Localizable description, Permission impliedBy, PermissionScope scope) {
        throw new UnsupportedOperationException();
    }

    /**
     * The permission with {@code id}, such as {@code hudson.model.Hudson.Read} (Overall/Read, which
     * {@code Jenkins.READ} names), or {@code null}.
     */
    public static Permission fromId(String id) {
        throw new UnsupportedOperationException();
    }

    /** {@code <owner class name>.<name>}, as authorization strategies store it. */
    public String getId() {
        throw new UnsupportedOperationException();
    }

    /** The permission's name within its group, such as {@code Deploy}. */
    public final String name = null;
}
