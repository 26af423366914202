package io.genesis.core.approval;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person answering an approval request, as the host authenticated them.
 *
 * @param id the user id
 * @param groups the groups (authorities) the user belongs to
 * @param administrator whether the host counts the user as an administrator
 */
public record Identity(String id, Set<String> groups, boolean administrator) {

    public Identity {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an approver's user id must not be blank");
        }
        groups = Set.copyOf(new TreeSet<>(Objects.requireNonNull(groups, "groups")));
    }

    /** A user with no groups who is not an administrator. */
    public static Identity user(String id) {
        return new Identity(id, Set.of(), false);
    }

    public static Identity administrator(String id) {
        return new Identity(id, Set.of(), true);
    }

    @Override
    public String toString() {
        return id;
    }
}
