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
 * @param allowForce whether a gate that did not pass may be forced through here (with a reason)
 * @param protectedEnvironment whether a checkout's configuration may not name targets, credentials
 *     or API addresses for this environment; {@code production} is protected unless configured
 *     otherwise
 * @param promotion where a version must have succeeded before it may be deployed here
 */
public record Environment(
        String name,
        GateThresholds gate,
        ApprovalPolicy approval,
        RefPolicy refs,
        boolean allowForce,
        boolean protectedEnvironment,
        PromotionPath promotion) {

    /** The name of the environment that is protected unless its configuration says otherwise. */
    public static final String PROTECTED_BY_DEFAULT = "production";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Environment {
        requireValidName(name);
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(refs, "refs");
        Objects.requireNonNull(promotion, "promotion");
        if (promotion.requiresPassed().contains(name)) {
            throw new IllegalArgumentException("environment '" + name
                    + "' requires itself in requiresPassed; a version could never pass it first");
        }
    }

    /** An environment with the default promotion path for its name ({@link PromotionPath#defaultFor}). */
    public Environment(
            String name,
            GateThresholds gate,
            ApprovalPolicy approval,
            RefPolicy refs,
            boolean allowForce,
            boolean protectedEnvironment) {
        this(name, gate, approval, refs, allowForce, protectedEnvironment, PromotionPath.defaultFor(name));
    }

    /** An environment that allows force, and is protected when it is called {@code production}. */
    public Environment(String name, GateThresholds gate, ApprovalPolicy approval, RefPolicy refs) {
        this(name, gate, approval, refs, true, PROTECTED_BY_DEFAULT.equals(name));
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
        return new Environment(name, thresholds, approval, refs, allowForce, protectedEnvironment, promotion);
    }

    public Environment withApproval(ApprovalPolicy policy) {
        return new Environment(name, gate, policy, refs, allowForce, protectedEnvironment, promotion);
    }

    public Environment withRefs(RefPolicy policy) {
        return new Environment(name, gate, approval, policy, allowForce, protectedEnvironment, promotion);
    }

    public Environment withAllowForce(boolean allow) {
        return new Environment(name, gate, approval, refs, allow, protectedEnvironment, promotion);
    }

    public Environment withProtected(boolean protect) {
        return new Environment(name, gate, approval, refs, allowForce, protect, promotion);
    }

    public Environment withPromotion(PromotionPath path) {
        return new Environment(name, gate, approval, refs, allowForce, protectedEnvironment, path);
    }
}
