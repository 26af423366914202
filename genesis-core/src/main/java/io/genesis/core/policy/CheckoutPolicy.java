package io.genesis.core.policy;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a checkout's own policy (a {@code genesis.yaml} committed to the repository, which whoever
 * opens a pull request can change) may do to the trusted one: tighten it, never loosen it. For an
 * environment the trusted policy defines, every key the checkout sets must be at least as strict
 * (a higher bar, a stricter criticality, fewer refs, fewer approvers, a longer wait, force and
 * loosening not allowed, still protected); a protected environment gets no target and no metric
 * source from the checkout, so no credential, token file, environment variable or API address. An environment only the
 * checkout defines is read as it is, and gets no target when it is protected.
 */
public final class CheckoutPolicy {

    private CheckoutPolicy() {}

    /**
     * The trusted environments with the checkout's document applied.
     *
     * @param trusted the environments of the trusted source (a policy file, or the built-in defaults)
     * @param trustedName how to name the trusted source in a message, such as {@code the policy
     *     file /etc/genesis/policy.yaml} or {@code the built-in defaults}
     * @param document the checkout's document, as a plain tree
     * @return the environments, and the targets the checkout may name
     * @throws PolicyException naming the environment, the key, the trusted value and the fix
     */
    public static PolicyDocument tighten(Environments trusted, String trustedName, Object document) {
        List<PolicyEntry> entries = EnvironmentBinder.entries(document);
        Environments result = trusted;
        Map<String, Map<String, Object>> targets = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>();
        for (PolicyEntry entry : entries) {
            if (!seen.add(entry.name())) {
                throw entry.refusal(
                        PolicyKey.NAME,
                        "environment '" + entry.name() + "' is defined twice; fix: give each environment its own"
                                + " name");
            }
            Environment environment = trusted.find(entry.name())
                    .map(base -> new Check(entry, base, trustedName).tightened())
                    .orElseGet(() -> EnvironmentBinder.environment(entry));
            if (environment.protectedEnvironment()) {
                refuseTrustedOnly(entry);
            }
            entry.target().ifPresent(target -> targets.put(entry.name(), target));
            result = result.with(environment);
        }
        return new PolicyDocument(result, targets, entries);
    }

    /**
     * What each key a checkout may not set for a protected environment names: the places, secrets and
     * references a pull request must not choose for it. Hooks are refused where they are bound
     * ({@code HooksBinder.fromCheckout}), as they may also come from the command line.
     */
    private static final Map<PolicyKey, String> TRUSTED_ONLY = trustedOnly();

    private static Map<PolicyKey, String> trustedOnly() {
        // In the order they are checked: a target is named first, as before the others existed.
        Map<PolicyKey, String> keys = new LinkedHashMap<>();
        keys.put(PolicyKey.TARGET, "its target, credentials, token files, environment variables or API addresses");
        keys.put(
                PolicyKey.METRICS,
                "where it is measured (metric source addresses, tokens, secret references, smoke-test commands)");
        keys.put(PolicyKey.NOTIFY, "where its notifications go (addresses, keys, variables or files holding them)");
        // Where the records go decides whether they outlive the runner: a pull request must not send
        // production's records to a file on a runner that is thrown away, nor into another cluster.
        keys.put(PolicyKey.HISTORY, "where its deployment records are kept (the state directory or the cluster)");
        keys.put(PolicyKey.WATCH_THRESHOLDS, "how its post-deploy watch judges a version (watchThresholds)");
        return java.util.Collections.unmodifiableMap(keys);
    }

    /** Refuses the first key of {@link #TRUSTED_ONLY} that a protected environment's checkout entry sets. */
    private static void refuseTrustedOnly(PolicyEntry entry) {
        for (Map.Entry<PolicyKey, String> key : TRUSTED_ONLY.entrySet()) {
            if (entry.has(key.getKey())) {
                throw entry.refusal(
                        key.getKey(),
                        entry.name() + " is protected, and a checkout may not name " + key.getValue() + "; fix: remove "
                                + key.getKey().key() + " from this file and keep it in a trusted policy file outside"
                                + " the checkout (--policy, GENESIS_POLICY or ~/.config/genesis/policy.yaml)");
            }
        }
    }

    /** The checks of one entry against the trusted environment of the same name. */
    private record Check(PolicyEntry entry, Environment base, String trustedName) {

        Environment tightened() {
            GateThresholds gate = base.gate();
            Percentage passRate = entry.percentage(PolicyKey.MIN_PASS_RATE).orElse(gate.minPassRate());
            requireNot(passRate.isBelow(gate.minPassRate()), PolicyKey.MIN_PASS_RATE, passRate, gate.minPassRate());
            gate = gate.withMinPassRate(passRate);
            Percentage line = base.gate().minCoverage().get(CoverageMetric.LINE);
            Percentage coverage = entry.percentage(PolicyKey.MIN_COVERAGE).orElse(line);
            if (coverage != null) {
                requireNot(line != null && coverage.isBelow(line), PolicyKey.MIN_COVERAGE, coverage, line);
                gate = gate.withMinCoverage(CoverageMetric.LINE, coverage);
            }
            if (entry.has(PolicyKey.MAX_COVERAGE_DROP)) {
                double drop = entry.points(PolicyKey.MAX_COVERAGE_DROP).orElseThrow();
                double allowed = base.gate().maxCoverageDrop().orElse(0.0);
                requireNot(drop > allowed, PolicyKey.MAX_COVERAGE_DROP, drop, allowed);
                gate = gate.withMaxCoverageDrop(drop);
            }
            boolean loosening = entry.flag(PolicyKey.ALLOW_LOOSENING).orElse(gate.allowLoosening());
            requireNot(loosening && !gate.allowLoosening(), PolicyKey.ALLOW_LOOSENING, true, false);
            gate = gate.withAllowLoosening(loosening);
            for (Map.Entry<CriterionKind, Criticality> level :
                    entry.criticality().orElse(Map.of()).entrySet()) {
                Criticality trustedLevel = gate.criticalityOf(level.getKey());
                requireNot(
                        trustedLevel.isStricterThan(level.getValue()),
                        PolicyKey.CRITICALITY,
                        level.getKey().key() + ": " + level.getValue().key(),
                        trustedLevel.key());
                gate = gate.withCriticality(level.getKey(), level.getValue());
            }
            if (entry.has(PolicyKey.FINDINGS)) {
                FindingBounds trustedBounds = gate.findings();
                FindingBounds asked = entry.findings().orElseThrow();
                gate = gate.withFindings(
                        entry.check(PolicyKey.FINDINGS, () -> trustedBounds.tightenedBy(asked, trustedName)));
            }
            return new Environment(
                    base.name(),
                    gate,
                    approval(),
                    refs(),
                    allowForce(),
                    protect(),
                    watchWindow(),
                    promotion(),
                    healthDeadline());
        }

        /**
         * The promotion path: a checkout may add environments to pass first, lengthen the soak and turn
         * the gate and watch requirements on, not less.
         */
        private PromotionPath promotion() {
            PromotionPath trusted = base.promotion();
            PromotionPath asked = EnvironmentBinder.promotion(entry, trusted);
            List<String> dropped = new ArrayList<>(trusted.requiresPassed());
            dropped.removeAll(asked.requiresPassed());
            requireNot(!dropped.isEmpty(), PolicyKey.REQUIRES_PASSED, asked.requiresPassed(), trusted.requiresPassed());
            requireNot(
                    asked.minSoak().compareTo(trusted.minSoak()) < 0,
                    PolicyKey.MIN_SOAK_MINUTES,
                    asked.minSoak().toMinutes(),
                    trusted.minSoak().toMinutes());
            requireNot(trusted.requiresGate() && !asked.requiresGate(), PolicyKey.REQUIRES_GATE, false, true);
            requireNot(
                    trusted.requiresHealthyWatch() && !asked.requiresHealthyWatch(),
                    PolicyKey.REQUIRES_HEALTHY_WATCH,
                    false,
                    true);
            return asked;
        }

        private ApprovalPolicy approval() {
            ApprovalPolicy trusted = base.approval();
            boolean required = entry.flag(PolicyKey.APPROVAL_REQUIRED).orElse(trusted.required());
            requireNot(trusted.required() && !required, PolicyKey.APPROVAL_REQUIRED, false, true);
            Set<String> approvers = narrowed(PolicyKey.APPROVERS, trusted.approvers(), trusted.required());
            Set<String> groups = narrowed(PolicyKey.APPROVER_GROUPS, trusted.approverGroups(), trusted.required());
            int wait = entry.minutes(PolicyKey.WAIT_TIMER_MINUTES)
                    .orElse(Math.toIntExact(trusted.waitTimer().toMinutes()));
            requireNot(
                    wait < trusted.waitTimer().toMinutes(),
                    PolicyKey.WAIT_TIMER_MINUTES,
                    wait,
                    trusted.waitTimer().toMinutes());
            boolean selfApproval = entry.flag(PolicyKey.PREVENT_SELF_APPROVAL).orElse(trusted.preventSelfApproval());
            requireNot(trusted.preventSelfApproval() && !selfApproval, PolicyKey.PREVENT_SELF_APPROVAL, false, true);
            return entry.check(
                    PolicyKey.WAIT_TIMER_MINUTES,
                    () -> new ApprovalPolicy(
                            required, approvers, groups, Duration.ofMinutes(wait), trusted.timeout(), selfApproval));
        }

        /** Who may approve: only people or groups the trusted policy names, when it requires approval. */
        private Set<String> narrowed(PolicyKey key, Set<String> trusted, boolean approvalRequired) {
            if (!entry.has(key)) {
                return trusted;
            }
            Set<String> asked = new TreeSet<>(entry.texts(key).orElseThrow());
            if (approvalRequired) {
                List<String> added =
                        asked.stream().filter(name -> !trusted.contains(name)).toList();
                requireNot(!added.isEmpty(), key, added, trusted.isEmpty() ? "administrators only" : trusted);
            }
            return asked;
        }

        private RefPolicy refs() {
            return new RefPolicy(
                    narrowedRefs(PolicyKey.ALLOWED_BRANCHES, base.refs().branches()),
                    narrowedRefs(PolicyKey.ALLOWED_TAGS, base.refs().tags()));
        }

        /** Patterns: only ones the trusted policy lists, as it spells them. */
        private List<String> narrowedRefs(PolicyKey key, List<String> trusted) {
            if (!entry.has(key)) {
                return trusted;
            }
            List<String> asked = entry.texts(key).orElseThrow();
            List<String> added = new ArrayList<>(asked);
            added.removeAll(trusted);
            requireNot(!added.isEmpty(), key, added, trusted.isEmpty() ? "none" : trusted);
            return asked;
        }

        private boolean allowForce() {
            boolean allow = entry.flag(PolicyKey.ALLOW_FORCE).orElse(base.allowForce());
            requireNot(allow && !base.allowForce(), PolicyKey.ALLOW_FORCE, true, false);
            return allow;
        }

        private boolean protect() {
            boolean protect = entry.flag(PolicyKey.PROTECTED).orElse(base.protectedEnvironment());
            requireNot(!protect && base.protectedEnvironment(), PolicyKey.PROTECTED, false, true);
            return protect;
        }

        /** The post-deploy watch: a checkout may lengthen it, never shorten it. */
        private Duration watchWindow() {
            long trusted = base.watchWindow().toHours();
            long hours = entry.hours(PolicyKey.WATCH_HOURS).map(Long::valueOf).orElse(trusted);
            requireNot(hours < trusted, PolicyKey.WATCH_HOURS, hours, trusted);
            return entry.check(PolicyKey.WATCH_HOURS, () -> Environment.requireWatchWindow(Duration.ofHours(hours)));
        }

        /**
         * The health deadline: a checkout may shorten it (a stuck candidate rolls back sooner), never
         * lengthen it (a half-healthy candidate, or a rolling Deployment held half-way, would stay longer).
         */
        private Duration healthDeadline() {
            Duration trusted = base.healthDeadline();
            Duration asked = EnvironmentBinder.healthDeadline(entry, trusted);
            requireNot(
                    asked.compareTo(trusted) > 0,
                    PolicyKey.HEALTH_DEADLINE_MINUTES,
                    asked.toMinutes(),
                    trusted.toMinutes());
            return asked;
        }

        private void requireNot(boolean looser, PolicyKey key, Object asked, Object trusted) {
            if (looser) {
                throw loosening(entry, key, asked, trusted, trustedName);
            }
        }
    }

    /**
     * The refusal of a checkout's value that would loosen the trusted one, for the keys whose binders
     * live with their feature (such as {@code retention}, {@code io.genesis.core.history.RetentionBinder}).
     *
     * @param entry the checkout's entry
     * @param key the key it sets
     * @param asked the checkout's value, as people write it
     * @param trusted the trusted value
     * @param trustedName how to name the trusted source
     */
    public static PolicyException loosening(
            PolicyEntry entry, PolicyKey key, Object asked, Object trusted, String trustedName) {
        return entry.refusal(
                key,
                key.key() + " " + shown(asked) + " would loosen " + entry.name() + "'s " + shown(trusted) + " from "
                        + trustedName + ", and a checkout's policy may only tighten it; fix: remove " + key.key()
                        + " from this file or make it stricter, or change " + trustedName);
    }

    private static String shown(Object value) {
        if (value instanceof Double number) {
            return String.format(Locale.ROOT, "%.2f", number);
        }
        return String.valueOf(value);
    }
}
