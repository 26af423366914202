package io.genesis.core.policy;

import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
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
 * @param healthDeadline how long a candidate, a batch, a traffic weight or a promotion may take to become
 *     healthy or applied before its step fails and the rollout rolls back; a deploy may ask for less
 *     ({@link #healthDeadlineFor}), never more
 */
public record Environment(
        String name,
        GateThresholds gate,
        ApprovalPolicy approval,
        RefPolicy refs,
        boolean allowForce,
        boolean protectedEnvironment,
        Duration watchWindow,
        PromotionPath promotion,
        Duration healthDeadline) {

    /** The name of the environment that is protected unless its configuration says otherwise. */
    public static final String PROTECTED_BY_DEFAULT = "production";

    /** The release guide's post-deploy window, for {@value #PROTECTED_BY_DEFAULT}. */
    public static final Duration PRODUCTION_WATCH_WINDOW = Duration.ofHours(48);

    /** The longest watch an environment may ask for. */
    public static final Duration LONGEST_WATCH_WINDOW = Duration.ofDays(30);

    /**
     * The health deadline when the configuration does not say: Kubernetes' own default
     * {@code progressDeadlineSeconds} (600 s), long enough for scheduling, a cold image pull and a
     * slow start on a real cluster; a sandbox slot whose process exits is unhealthy at once, so nobody
     * waits that long for a crash.
     */
    public static final Duration DEFAULT_HEALTH_DEADLINE = Duration.ofMinutes(10);

    /**
     * The longest health deadline an environment may set: past an hour a stuck candidate, or a rolling
     * Deployment held half-way, blocks its key for longer than anyone would wait for it.
     */
    public static final Duration LONGEST_HEALTH_DEADLINE = Duration.ofMinutes(60);

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Environment {
        requireValidName(name);
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(refs, "refs");
        watchWindow = requireWatchWindow(watchWindow == null ? defaultWatchWindow(name) : watchWindow);
        promotion = promotion == null ? PromotionPath.defaultFor(name) : promotion;
        healthDeadline = requireHealthDeadline(healthDeadline == null ? DEFAULT_HEALTH_DEADLINE : healthDeadline);
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

    /**
     * Checks an environment's health deadline: whole minutes, from 1 to {@link #LONGEST_HEALTH_DEADLINE}.
     */
    public static Duration requireHealthDeadline(Duration deadline) {
        boolean whole = deadline.equals(Duration.ofMinutes(deadline.toMinutes()));
        if (deadline.compareTo(Duration.ofMinutes(1)) < 0
                || deadline.compareTo(LONGEST_HEALTH_DEADLINE) > 0
                || !whole) {
            throw new IllegalArgumentException("the health deadline must be whole minutes from 1 to "
                    + LONGEST_HEALTH_DEADLINE.toMinutes() + ", got "
                    + (whole ? deadline.toMinutes() + " minutes" : Durations.format(deadline)) + "; "
                    + DEFAULT_HEALTH_DEADLINE.toMinutes()
                    + " (Kubernetes' own progress deadline) suits most clusters, more for slow image pulls");
        }
        return deadline;
    }

    /**
     * The health deadline of one deploy: what it asks for ({@code --health-timeout}, {@code healthTimeout:}),
     * which may be shorter than this environment's but not longer, else the environment's.
     *
     * @param asked the deploy's own deadline, if it gives one
     * @param option how the deploy's front door spells the option, for the message
     * @throws IllegalArgumentException naming the option, the value, the bound and the fix
     */
    public Duration healthDeadlineFor(Optional<Duration> asked, String option) {
        if (asked.isEmpty()) {
            return healthDeadline;
        }
        Duration deadline = asked.get();
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException(option + " must be longer than 0 s, got " + Durations.format(deadline));
        }
        if (deadline.compareTo(healthDeadline) > 0) {
            throw new IllegalArgumentException(option + " " + Durations.format(deadline) + " is longer than the "
                    + Durations.format(healthDeadline) + " environment " + name
                    + " allows; fix: ask for at most that, or raise healthDeadlineMinutes of " + name
                    + " in its configuration");
        }
        return deadline;
    }

    /** An environment with the given watch window, promotion path and the default health deadline. */
    public Environment(
            String name,
            GateThresholds gate,
            ApprovalPolicy approval,
            RefPolicy refs,
            boolean allowForce,
            boolean protectedEnvironment,
            Duration watchWindow,
            PromotionPath promotion) {
        this(name, gate, approval, refs, allowForce, protectedEnvironment, watchWindow, promotion, null);
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
        this(name, gate, approval, refs, allowForce, protectedEnvironment, watchWindow, null, null);
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
        this(name, gate, approval, refs, allowForce, protectedEnvironment, null, promotion, null);
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
        this(name, gate, approval, refs, allowForce, protectedEnvironment, null, null, null);
    }

    /** The window watched when the configuration does not say: 48 hours for production, none elsewhere. */
    public static Duration defaultWatchWindow(String name) {
        return PROTECTED_BY_DEFAULT.equals(name) ? PRODUCTION_WATCH_WINDOW : Duration.ZERO;
    }

    /** An environment that allows force, and is protected when it is called {@code production}. */
    public Environment(String name, GateThresholds gate, ApprovalPolicy approval, RefPolicy refs) {
        this(name, gate, approval, refs, true, PROTECTED_BY_DEFAULT.equals(name), null, null, null);
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
                name,
                thresholds,
                approval,
                refs,
                allowForce,
                protectedEnvironment,
                watchWindow,
                promotion,
                healthDeadline);
    }

    public Environment withApproval(ApprovalPolicy policy) {
        return new Environment(
                name, gate, policy, refs, allowForce, protectedEnvironment, watchWindow, promotion, healthDeadline);
    }

    public Environment withRefs(RefPolicy policy) {
        return new Environment(
                name, gate, approval, policy, allowForce, protectedEnvironment, watchWindow, promotion, healthDeadline);
    }

    public Environment withAllowForce(boolean allow) {
        return new Environment(
                name, gate, approval, refs, allow, protectedEnvironment, watchWindow, promotion, healthDeadline);
    }

    public Environment withWatchWindow(Duration window) {
        return new Environment(
                name, gate, approval, refs, allowForce, protectedEnvironment, window, promotion, healthDeadline);
    }

    public Environment withProtected(boolean protect) {
        return new Environment(name, gate, approval, refs, allowForce, protect, watchWindow, promotion, healthDeadline);
    }

    public Environment withHealthDeadline(Duration deadline) {
        return new Environment(
                name, gate, approval, refs, allowForce, protectedEnvironment, watchWindow, promotion, deadline);
    }

    public Environment withPromotion(PromotionPath path) {
        return new Environment(
                name, gate, approval, refs, allowForce, protectedEnvironment, watchWindow, path, healthDeadline);
    }
}
