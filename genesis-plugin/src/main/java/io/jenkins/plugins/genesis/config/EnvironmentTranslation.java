package io.jenkins.plugins.genesis.config;

import io.genesis.core.gate.CriterionKind;
import io.genesis.core.notify.NotificationTargets;
import io.genesis.core.notify.NotificationsBinder;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that maps what an administrator configured onto the engine's policy: the
 * configuration classes become the plain tree that the engine's {@link EnvironmentBinder} reads,
 * with the engine's defaults and messages. Nothing is decided here.
 */
final class EnvironmentTranslation {

    private EnvironmentTranslation() {}

    /**
     * The engine's environments for {@code configs}, in the same order.
     *
     * @throws io.genesis.core.policy.PolicyException with the engine's message when a value is not
     *     acceptable
     */
    static Environments toEngine(List<EnvironmentConfig> configs) {
        // A page without environments is a Jenkins that deploys nowhere yet, not a mistake in a file.
        return configs.isEmpty()
                ? new Environments(List.of())
                : EnvironmentBinder.bind(document(configs)).environments();
    }

    /**
     * The notification targets of {@code configs}, by environment.
     *
     * @throws io.genesis.core.policy.PolicyException with the engine's message when a target is not
     *     acceptable
     */
    static NotificationTargets notifications(List<EnvironmentConfig> configs) {
        return configs.isEmpty() ? NotificationTargets.NONE : NotificationsBinder.bind(document(configs));
    }

    /** The document the binder reads: {@code environments:} and one tree per environment. */
    static Map<String, Object> document(List<EnvironmentConfig> configs) {
        List<Object> trees = new ArrayList<>();
        configs.forEach(config -> trees.add(config.toTree()));
        return Map.of(EnvironmentBinder.ENVIRONMENTS, trees);
    }

    /** Configuration objects holding {@code environments}, used to preload the engine's defaults. */
    static List<EnvironmentConfig> fromEngine(Environments environments) {
        List<EnvironmentConfig> configs = new ArrayList<>();
        for (Environment environment : environments.all()) {
            configs.add(fromEngine(environment));
        }
        return configs;
    }

    /** A configuration object with every key set, from the engine's own tree of the environment. */
    @SuppressWarnings("unchecked")
    static EnvironmentConfig fromEngine(Environment environment) {
        Map<String, Object> tree = EnvironmentBinder.tree(environment);
        EnvironmentConfig config = new EnvironmentConfig(environment.name());
        config.setMinPassRate((Double) tree.get(PolicyKey.MIN_PASS_RATE.key()));
        config.setMinCoverage((Double) tree.get(PolicyKey.MIN_COVERAGE.key()));
        config.setMaxCoverageDrop((Double) tree.get(PolicyKey.MAX_COVERAGE_DROP.key()));
        config.setAllowLoosening((Boolean) tree.get(PolicyKey.ALLOW_LOOSENING.key()));
        Map<String, Object> levels = (Map<String, Object>) tree.get(PolicyKey.CRITICALITY.key());
        CriticalityConfig criticality = new CriticalityConfig();
        criticality.setPassRate((String) levels.get(CriterionKind.PASS_RATE.key()));
        criticality.setCoverage((String) levels.get(CriterionKind.COVERAGE.key()));
        criticality.setCoverageDrop((String) levels.get(CriterionKind.COVERAGE_DROP.key()));
        criticality.setRequired((String) levels.get(CriterionKind.REQUIRED.key()));
        criticality.setFindings((String) levels.get(CriterionKind.FINDINGS.key()));
        criticality.setBenchmarks((String) levels.get(CriterionKind.BENCHMARKS.key()));
        config.setCriticality(criticality);
        config.setFindings(FindingsConfig.of(environment.gate().findings()));
        config.setApprovalRequired((Boolean) tree.get(PolicyKey.APPROVAL_REQUIRED.key()));
        config.setApprovers((List<String>) tree.get(PolicyKey.APPROVERS.key()));
        config.setApproverGroups((List<String>) tree.get(PolicyKey.APPROVER_GROUPS.key()));
        config.setWaitTimerMinutes((Integer) tree.get(PolicyKey.WAIT_TIMER_MINUTES.key()));
        config.setPreventSelfApproval((Boolean) tree.get(PolicyKey.PREVENT_SELF_APPROVAL.key()));
        config.setAllowedBranches((List<String>) tree.get(PolicyKey.ALLOWED_BRANCHES.key()));
        config.setAllowedTags((List<String>) tree.get(PolicyKey.ALLOWED_TAGS.key()));
        config.setAllowForce((Boolean) tree.get(PolicyKey.ALLOW_FORCE.key()));
        config.setProtected((Boolean) tree.get(PolicyKey.PROTECTED.key()));
        config.setHealthDeadlineMinutes((Integer) tree.get(PolicyKey.HEALTH_DEADLINE_MINUTES.key()));
        config.setWatchHours((Integer) tree.get(PolicyKey.WATCH_HOURS.key()));
        config.setRequiresPassed((List<String>) tree.get(PolicyKey.REQUIRES_PASSED.key()));
        config.setMinSoakMinutes((Integer) tree.get(PolicyKey.MIN_SOAK_MINUTES.key()));
        config.setRequiresGate((Boolean) tree.get(PolicyKey.REQUIRES_GATE.key()));
        config.setRequiresHealthyWatch((Boolean) tree.get(PolicyKey.REQUIRES_HEALTHY_WATCH.key()));
        return config;
    }
}
