package io.genesis.core.policy;

import io.genesis.core.gate.CoverageMetric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one reader of environment policy: from a plain tree of keys and values (maps, lists,
 * strings, numbers, booleans), as a YAML loader or the plugin's configuration classes produce it,
 * to the engine's {@link Environments}, with every default and every message. Front doors only
 * map their input onto such a tree and put what they know (a file, a line) in front of the
 * messages.
 *
 * <p>Defaults of a key that is not set: {@code maxCoverageDrop} none, {@code allowLoosening}
 * false, {@code criticality} error for every criterion, {@code findings} the release guide's
 * bounds for {@code production} and {@code staging} and none for other names, {@code approvalRequired} false, {@code
 * approvers} and {@code approverGroups} none, {@code waitTimerMinutes} 0, {@code
 * preventSelfApproval} false, {@code allowedBranches} and {@code allowedTags} none (nothing may
 * deploy), {@code allowForce} true (DESIGN.md's rule: a gate may be forced with a recorded reason),
 * {@code protected} true for {@code production} only, {@code watchHours} 48 for {@code production} and 0
 * (no post-deploy watch) elsewhere, {@code requiresPassed} {@code [staging]} for
 * {@code production} and none for other names, {@code minSoakMinutes} 0, {@code healthDeadlineMinutes} 10 ({@link
 * Environment#DEFAULT_HEALTH_DEADLINE}). {@code name}, {@code minPassRate} and {@code
 * minCoverage} are required.
 */
public final class EnvironmentBinder {

    /** The one key of a policy document. */
    public static final String ENVIRONMENTS = "environments";

    private EnvironmentBinder() {}

    /**
     * Reads a whole document: a mapping with an {@code environments:} list.
     *
     * @throws PolicyException naming where, what and the fix
     */
    public static PolicyDocument bind(Object document) {
        List<PolicyEntry> entries = entries(document);
        if (entries.isEmpty()) {
            throw new PolicyException(
                    ENVIRONMENTS,
                    "the document defines no environments; fix: add a list under 'environments:', for example"
                            + " '- name: staging' with minPassRate and minCoverage");
        }
        List<Environment> environments = new ArrayList<>();
        Map<String, Map<String, Object>> targets = new LinkedHashMap<>();
        Set<String> names = new TreeSet<>();
        for (PolicyEntry entry : entries) {
            if (!names.add(entry.name())) {
                throw entry.refusal(
                        PolicyKey.NAME,
                        "environment '" + entry.name() + "' is defined twice; fix: give each environment its own"
                                + " name");
            }
            environments.add(environment(entry));
            entry.target().ifPresent(target -> targets.put(entry.name(), target));
        }
        return new PolicyDocument(new Environments(environments), targets, entries);
    }

    /**
     * The entries of a document, each checked for its shape, its keys and its name, but not yet
     * for its values.
     *
     * @throws PolicyException naming where, what and the fix
     */
    public static List<PolicyEntry> entries(Object document) {
        if (document == null) {
            return List.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new PolicyException(
                    "", "the document has the wrong shape; fix: write a mapping with an 'environments:' list");
        }
        for (Object key : map.keySet()) {
            if (!ENVIRONMENTS.equals(key)) {
                throw new PolicyException(
                        String.valueOf(key),
                        "unknown key '" + key + "' at the top of the document; fix: put environments under '"
                                + ENVIRONMENTS + ":'");
            }
        }
        Object list = map.get(ENVIRONMENTS);
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> items)) {
            throw new PolicyException(
                    ENVIRONMENTS,
                    "environments has the wrong shape; fix: write a list such as '- name: staging' under"
                            + " 'environments:'");
        }
        List<PolicyEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            entries.add(PolicyEntry.of(items.get(i), i));
        }
        return entries;
    }

    /**
     * The environment one entry defines, every key that is not set taking its default.
     *
     * @throws PolicyException naming where, what and the fix
     */
    public static Environment environment(PolicyEntry entry) {
        GateThresholds gate = new GateThresholds(
                        entry.requiredPercentage(PolicyKey.MIN_PASS_RATE),
                        Map.of(CoverageMetric.LINE, entry.requiredPercentage(PolicyKey.MIN_COVERAGE)),
                        entry.points(PolicyKey.MAX_COVERAGE_DROP),
                        entry.flag(PolicyKey.ALLOW_LOOSENING).orElse(false),
                        entry.criticality().orElse(Map.of()))
                .withFindings(entry.findings().orElse(FindingBounds.defaultFor(entry.name())));
        int waitMinutes = entry.minutes(PolicyKey.WAIT_TIMER_MINUTES).orElse(0);
        ApprovalPolicy approval = entry.check(
                PolicyKey.WAIT_TIMER_MINUTES,
                () -> new ApprovalPolicy(
                        entry.flag(PolicyKey.APPROVAL_REQUIRED).orElse(false),
                        Set.copyOf(entry.texts(PolicyKey.APPROVERS).orElse(List.of())),
                        Set.copyOf(entry.texts(PolicyKey.APPROVER_GROUPS).orElse(List.of())),
                        Duration.ofMinutes(waitMinutes),
                        ApprovalPolicy.DEFAULT_TIMEOUT,
                        entry.flag(PolicyKey.PREVENT_SELF_APPROVAL).orElse(false)));
        RefPolicy refs = new RefPolicy(
                entry.texts(PolicyKey.ALLOWED_BRANCHES).orElse(List.of()),
                entry.texts(PolicyKey.ALLOWED_TAGS).orElse(List.of()));
        PromotionPath promotion = promotion(entry, PromotionPath.defaultFor(entry.name()));
        Duration watchWindow = entry.check(
                PolicyKey.WATCH_HOURS,
                () -> Environment.requireWatchWindow(entry.hours(PolicyKey.WATCH_HOURS)
                        .map(hours -> Duration.ofHours(hours))
                        .orElse(Environment.defaultWatchWindow(entry.name()))));
        Duration healthDeadline = healthDeadline(entry, Environment.DEFAULT_HEALTH_DEADLINE);
        return entry.check(
                PolicyKey.REQUIRES_PASSED,
                () -> new Environment(
                        entry.name(),
                        gate,
                        approval,
                        refs,
                        entry.flag(PolicyKey.ALLOW_FORCE).orElse(true),
                        entry.flag(PolicyKey.PROTECTED).orElse(Environment.PROTECTED_BY_DEFAULT.equals(entry.name())),
                        watchWindow,
                        promotion,
                        healthDeadline));
    }

    /** The health deadline an entry sets, {@code otherwise} when it sets none; checked by the one rule. */
    static Duration healthDeadline(PolicyEntry entry, Duration otherwise) {
        return entry.check(
                PolicyKey.HEALTH_DEADLINE_MINUTES,
                () -> Environment.requireHealthDeadline(entry.minutes(PolicyKey.HEALTH_DEADLINE_MINUTES)
                        .<Duration>map(Duration::ofMinutes)
                        .orElse(otherwise)));
    }

    /** The promotion path an entry sets, each key that is not set taken from {@code otherwise}. */
    static PromotionPath promotion(PolicyEntry entry, PromotionPath otherwise) {
        List<String> required = entry.texts(PolicyKey.REQUIRES_PASSED).orElse(otherwise.requiresPassed());
        Duration soak = entry.minutes(PolicyKey.MIN_SOAK_MINUTES)
                .<Duration>map(Duration::ofMinutes)
                .orElse(otherwise.minSoak());
        boolean gate = entry.flag(PolicyKey.REQUIRES_GATE).orElse(otherwise.requiresGate());
        boolean watch = entry.flag(PolicyKey.REQUIRES_HEALTHY_WATCH).orElse(otherwise.requiresHealthyWatch());
        return entry.check(PolicyKey.REQUIRES_PASSED, () -> new PromotionPath(required, soak, gate, watch));
    }

    /**
     * The tree of one environment as a source would write it, every key set: what the plugin
     * preloads into its form, and what a test compares.
     */
    public static Map<String, Object> tree(Environment environment) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put(PolicyKey.NAME.key(), environment.name());
        GateThresholds gate = environment.gate();
        tree.put(PolicyKey.MIN_PASS_RATE.key(), gate.minPassRate().value());
        Percentage line = gate.minCoverage().get(CoverageMetric.LINE);
        tree.put(PolicyKey.MIN_COVERAGE.key(), line == null ? 0.0 : line.value());
        gate.maxCoverageDrop().ifPresent(drop -> tree.put(PolicyKey.MAX_COVERAGE_DROP.key(), drop));
        tree.put(PolicyKey.ALLOW_LOOSENING.key(), gate.allowLoosening());
        Map<String, Object> levels = new LinkedHashMap<>();
        gate.criticality().forEach((kind, level) -> levels.put(kind.key(), level.key()));
        tree.put(PolicyKey.CRITICALITY.key(), levels);
        Map<String, Object> bounds = new LinkedHashMap<>();
        for (String bound : FindingBounds.NAMES) {
            gate.findings().get(bound).ifPresent(max -> bounds.put(bound, max));
        }
        tree.put(PolicyKey.FINDINGS.key(), bounds);
        ApprovalPolicy approval = environment.approval();
        tree.put(PolicyKey.APPROVAL_REQUIRED.key(), approval.required());
        tree.put(PolicyKey.APPROVERS.key(), List.copyOf(new TreeSet<>(approval.approvers())));
        tree.put(PolicyKey.APPROVER_GROUPS.key(), List.copyOf(new TreeSet<>(approval.approverGroups())));
        tree.put(
                PolicyKey.WAIT_TIMER_MINUTES.key(),
                Math.toIntExact(approval.waitTimer().toMinutes()));
        tree.put(PolicyKey.PREVENT_SELF_APPROVAL.key(), approval.preventSelfApproval());
        tree.put(PolicyKey.ALLOWED_BRANCHES.key(), environment.refs().branches());
        tree.put(PolicyKey.ALLOWED_TAGS.key(), environment.refs().tags());
        tree.put(PolicyKey.ALLOW_FORCE.key(), environment.allowForce());
        tree.put(PolicyKey.PROTECTED.key(), environment.protectedEnvironment());
        tree.put(
                PolicyKey.WATCH_HOURS.key(),
                Math.toIntExact(environment.watchWindow().toHours()));
        tree.put(PolicyKey.REQUIRES_PASSED.key(), environment.promotion().requiresPassed());
        tree.put(
                PolicyKey.MIN_SOAK_MINUTES.key(),
                Math.toIntExact(environment.promotion().minSoak().toMinutes()));
        tree.put(
                PolicyKey.HEALTH_DEADLINE_MINUTES.key(),
                Math.toIntExact(environment.healthDeadline().toMinutes()));
        tree.put(PolicyKey.REQUIRES_GATE.key(), environment.promotion().requiresGate());
        tree.put(PolicyKey.REQUIRES_HEALTHY_WATCH.key(), environment.promotion().requiresHealthyWatch());
        return tree;
    }
}
