package io.jenkins.plugins.genesis;

import hudson.ExtensionList;
import hudson.Functions;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.Permission;
import hudson.slaves.Cloud;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one place where the plugin reaches the running Jenkins instance. Everything else asks
 * through here, so the few calls into Jenkins' singletons are easy to find and to review.
 *
 * <p>Permission checks go through {@link Functions#checkPermission(Permission)}, which checks
 * against the Jenkins root exactly as {@code Jenkins.get().checkPermission(...)} does; using it
 * keeps {@code jenkins.model.Jenkins}, whose supertypes reach into the remoting library, out of the
 * API surface this plugin is compiled against where the Jenkins repository is not reachable.
 */
public final class JenkinsFacade {

    private JenkinsFacade() {}

    /**
     * Fails with Jenkins' access-denied error unless the current user has {@code permission} on
     * the Jenkins root.
     *
     * @throws NullPointerException when {@code permission} is null, which Jenkins would treat as
     *     "no check at all"
     */
    public static void checkPermission(Permission permission) {
        Functions.checkPermission(Objects.requireNonNull(permission, "permission"));
    }

    /**
     * The check of a form that belongs to an item, such as a Pipeline step's form in the Snippet
     * Generator of a job: the current user must be allowed to configure {@code item}. Outside any
     * item (the Snippet Generator at the Jenkins root) {@code withoutItem} is checked on the root
     * instead, usually the descriptor's {@code getRequiredGlobalConfigPagePermission()}.
     */
    public static void checkConfigure(Item item, Permission withoutItem) {
        if (item == null) {
            checkPermission(withoutItem);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    /**
     * The name of the identity the current thread runs as, as {@code Jenkins.getAuthentication2()}
     * reads it (that method returns this context's authentication, or anonymous when there is
     * none). In a Pipeline step it is the build's identity: {@code SYSTEM} unless an
     * authorization plugin sets one per job.
     */
    public static String currentUserName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    /** Every registered instance of the extension point {@code type}, in order. */
    public static <T> List<T> all(Class<T> type) {
        return ExtensionList.lookup(type);
    }

    /**
     * The cloud called {@code name}, as {@code Jenkins.get().getCloud(name)} finds it, or {@code
     * null}. {@code jenkins.model.Jenkins} is not in the API surface (its supertypes reach into
     * remoting), so this one method is called by name; nothing else of the plugin does so.
     */
    public static Cloud cloud(String name) {
        try {
            Class<?> jenkins = Class.forName("jenkins.model.Jenkins", true, JenkinsFacade.class.getClassLoader());
            Object instance = jenkins.getMethod("get").invoke(null);
            return (Cloud) jenkins.getMethod("getCloud", String.class).invoke(instance, name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Jenkins cannot look clouds up by name (" + e + ")", e);
        }
    }

    /**
     * The build an externalizable id names, looked up as the system: the engine's threads run as
     * nobody, for whom Jenkins hides every job. Empty when the build is gone or the id is malformed;
     * callers decide what the build may be used for (a credential lookup then uses the build's own
     * authentication).
     */
    @SuppressWarnings("try") // the context only restores the previous identity when closed
    public static Optional<Run<?, ?>> build(String externalizableId) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Optional.ofNullable(Run.fromExternalizableId(externalizableId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The only registered instance of the extension {@code type}. */
    public static <T> T singleton(Class<T> type) {
        return ExtensionList.lookupSingleton(type);
    }
}
