package io.genesis.core.policy;

import java.time.Duration;
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
 * @param watchWindow how long a successful rollout is watched afterwards (zero: not at all);
 *     {@code production} is watched 48 hours unless configured otherwise
 * @param promotion where a version must have succeeded before it may be deployed here
 */
public record Environment(
        String name,
        GateThresholds gate,
        ApprovalPolicy approval,
        RefPolicy refs,
        boolean allowForce,
        boolean protectedEnvironment,
        Duration watchWindow,
        PromotionPath promotion) {

    /** The name of the environment that is protected unless its configuration says otherwise. */
    public static final String PROTECTED_BY_DEFAULT = "production";

    /** The release guide's post-deploy window, for {@value #PROTECTED_BY_DEFAULT}. */
    public static final Duration PRODUCTION_WATCH_WINDOW = Duration.ofHours(48);

    /** The longest watch an environment may ask for. */
    public static final Duration LONGEST_WATCH_WINDOW = Duration.ofDays(30);

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Environment {
        requireValidName(name);
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(refs, "refs");
        watchWindow = requireWatchWindow(watchWindow == null ? defaultWatchWindow(name) : watchWindow);
        promotion = promotion == null ? PromotionPath.defaultFor(name) : promotion;
        if (promotion.requiresPassed().contains(name)) {
            throw new IllegalArgumentException("environment '" + name
                    + "' requires itself in requiresPassed; a version could never pass it first");
        }
    }

    /** Checks a post-deploy watch window: from none to {@link #LONGEST_WATCH_WINDOW}. */
    public static Duration requireWatchWindow(Duration window) {
        if (window.isNegative() || window.compareTo(LONGEST_WATCH_WINDOW) > 0) {
            throw new IllegalArgumentException("the post-deploy watch window must be from 0 to "
                    + LONGEST_WATCH_WINDOW.toHours() + " hours, got " + window.toHours()
                    + " hours; 48 is the release guide's window, 0 means none");
        }
        return window;
    }

    /** An environment with the given watch window and the default promotion path for its name. */
    public Environment(
            String name,
            GateThresholds gate,
            ApprovalPolicy approval,
            RefPolicy refs,
            boolean allowForce,
            boolean protectedEnvironment,
            Duration watchWindow) {
        this(name, gate, approval, refs, allowForce, protectedEnvironment, watchWindow, null);
    }

    /** An environment with the given promotion path and the default watch window for its name. */
    public Environment(
            String name,
            GateThresholds gate,
            ApprovalPolicy approval,
            RefPolicy refs,
            boolean allowForce,
            boolean protectedEnvironment,
            PromotionPath promotion) {
        this(name, gate, approval, refs, allowForce, protectedEnvironment, null, promotion);
    }

    /**
     * An environment watched for its default window after each rollout (48 hours for production, none
     * elsewhere), with the default promotion path for its name ({@link PromotionPath#defaultFor}).
     */
    public Environment(
            String name,
            GateThresholds gate,
            ApprovalPolicy approval,
            RefPolicy refs,
            boolean allowForce,
            boolean protectedEnvironment) {
        this(name, gate, approval, refs, allowForce, protectedEnvironment, null, null);
    }

    /** The window watched when the configuration does not say: 48 hours for production, none elsewhere. */
    public static Duration defaultWatchWindow(String name) {
        return PROTECTED_BY_DEFAULT.equals(name) ? PRODUCTION_WATCH_WINDOW : Duration.ZERO;
    }

    /** An environment that allows force, and is protected when it is called {@code production}. */
    public Environment(String name, GateThresholds gate, ApprovalPolicy approval, RefPolicy refs) {
        this(name, gate, approval, refs, true, PROTECTED_BY_DEFAULT.equals(name), null, null);
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
        return new Environment(
                name, thresholds, approval, refs, allowForce, protectedEnvironment, watchWindow, promotion);
    }

    public Environment withApproval(ApprovalPolicy policy) {
        return new Environment(name, gate, policy, refs, allowForce, protectedEnvironment, watchWindow, promotion);
    }

    public Environment withRefs(RefPolicy policy) {
        return new Environment(name, gate, approval, policy, allowForce, protectedEnvironment, watchWindow, promotion);
    }

    public Environment withAllowForce(boolean allow) {
        return new Environment(name, gate, approval, refs, allow, protectedEnvironment, watchWindow, promotion);
    }

    public Environment withWatchWindow(Duration window) {
        return new Environment(name, gate, approval, refs, allowForce, protectedEnvironment, window, promotion);
    }

    public Environment withProtected(boolean protect) {
        return new Environment(name, gate, approval, refs, allowForce, protect, watchWindow, promotion);
    }

    public Environment withPromotion(PromotionPath path) {
        return new Environment(name, gate, approval, refs, allowForce, protectedEnvironment, watchWindow, path);
    }
}
