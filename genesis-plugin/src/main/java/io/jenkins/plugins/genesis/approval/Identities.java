package io.jenkins.plugins.genesis.approval;

import hudson.Functions;
import hudson.security.Permission;
import io.genesis.core.approval.Identity;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who answers an approval request, as Jenkins authenticated them: the user id is the
 * authentication's name, the groups are its authorities (what the security realm says, such as
 * LDAP or Active Directory groups, and Jenkins' {@code authenticated}), and an administrator is
 * whoever has Overall/Administer. Nothing the build's script says enters here.
 */
final class Identities {

    /** The name Jenkins gives the anonymous user. */
    static final String ANONYMOUS = "anonymous";

    private Identities() {}

    /**
     * The person {@code name} with {@code authorities}; empty for the anonymous user or a blank
     * name, who can never answer (there is no one to hold to it).
     */
    static Optional<Identity> of(String name, Collection<String> authorities, boolean administrator) {
        if (name == null || name.isBlank() || ANONYMOUS.equals(name)) {
            return Optional.empty();
        }
        TreeSet<String> groups = new TreeSet<>();
        authorities.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .forEach(groups::add);
        return Optional.of(new Identity(name, groups, administrator));
    }

    /**
     * The user of the current HTTP request, read as {@code Jenkins.getAuthentication2()} reads it
     * (this thread's security context), with Overall/Administer checked on the Jenkins root.
     */
    static Optional<Identity> current() {
        return of(SecurityContextHolder.getContext().getAuthentication(), administrator());
    }

    /** The person {@code authentication} names; empty when there is none or it is Jenkins' anonymous user. */
    static Optional<Identity> of(Authentication authentication, boolean administrator) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return of(
                authentication.getName(),
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList(),
                administrator);
    }

    /* Overall/Administer: Permission.HUDSON_ADMINISTER is the very object Jenkins.ADMINISTER names. */
    @SuppressWarnings("deprecation")
    private static boolean administrator() {
        return Functions.hasPermission(Permission.HUDSON_ADMINISTER);
    }
}
