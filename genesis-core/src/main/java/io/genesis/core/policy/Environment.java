package io.genesis.core.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A place a version is deployed to, with the rules for getting there.
 *
 * @param name unique name, such as {@code staging} or {@code production}
 * @param gate the quality bar a build must meet first
 * @param approval who must approve a rollout, and when
 * @param refs which branches and tags may deploy
 */
public record Environment(String name, GateThresholds gate, ApprovalPolicy approval, RefPolicy refs) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Environment {
        requireValidName(name);
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(refs, "refs");
    }

    /**
     * Checks an environment name. Names end up in Kubernetes labels, file names and URLs, so they
     * follow the DNS label rules.
     */
    public static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("environment name '" + name
                    + "' is not valid: use 1 to 63 lower-case letters, digits or '-', starting and ending"
                    + " with a letter or digit (for example 'staging' or 'eu-production')");
        }
        return name;
    }

    public Environment withGate(GateThresholds thresholds) {
        return new Environment(name, thresholds, approval, refs);
    }

    public Environment withApproval(ApprovalPolicy policy) {
        return new Environment(name, gate, policy, refs);
    }

    public Environment withRefs(RefPolicy policy) {
        return new Environment(name, gate, approval, policy);
    }
}
