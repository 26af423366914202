package io.jenkins.plugins.genesis;

import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;

/**
 * Genesis' permissions, one group in the permission matrix, each grantable per job or folder:
 * <ul>
 *   <li>{@link #DEPLOY}: start a rollout to an environment (for the deploy step);
 *   <li>{@link #FORCE}: let a gate that did not pass through ({@code genesisGate force: true}), or
 *       bypass the promotion path;
 *   <li>{@link #ROLLBACK}: roll a deployment back (for the rollback step).
 * </ul>
 * They are checked for the build's identity: a Pipeline step runs as the build's authentication
 * (the system unless an authorization plugin, such as Authorize Project, sets one per job).
 * Without a grant, only administrators have them.
 *
 * <p>Jenkins finds a stored permission by its id, {@code io.jenkins.plugins.genesis.GenesisPermissions.Force},
 * loading this class (which registers the group) when it reads the security configuration; the
 * gate step's descriptor loads it too, so the matrix lists the group from the start.
 */
public final class GenesisPermissions {

    /** The group, titled "Genesis" in the permission matrix. */
    public static final PermissionGroup GROUP = new PermissionGroup(
            "Genesis", GenesisPermissions.class, Localization.localizable(Messages.PERMISSIONS_TITLE));

    /** Start a rollout to an environment. */
    public static final Permission DEPLOY = define("Deploy", Messages.DEPLOY_PERMISSION_DESCRIPTION);

    /** Let a gate that did not pass through, with a reason that is recorded. */
    public static final Permission FORCE = define("Force", Messages.FORCE_PERMISSION_DESCRIPTION);

    /** Roll a deployment back. */
    public static final Permission ROLLBACK = define("Rollback", Messages.ROLLBACK_PERMISSION_DESCRIPTION);

    private GenesisPermissions() {}

    /**
     * Nothing to do: calling it loads this class, whose fields register the group and its
     * permissions with Jenkins.
     */
    public static void register() {
        // The static fields above did the work when the class was loaded.
    }

    /* Implied by Overall/Administer (the very object Jenkins.ADMINISTER names), so administrators
     * have it without a grant and nobody else does until granted. */
    @SuppressWarnings("deprecation")
    private static Permission define(String name, Messages description) {
        return new Permission(
                GROUP, name, Localization.localizable(description), Permission.HUDSON_ADMINISTER, PermissionScope.ITEM);
    }
}
