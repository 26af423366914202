package io.jenkins.plugins.genesis.config;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.Percentage;
import io.genesis.core.policy.RefPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The one place that translates between what an administrator configured and the engine's
 * policy. The engine builds and validates; whatever it rejects comes back as its own message.
 */
final class EnvironmentTranslation {

    private static final String LIST_SEPARATORS = "[,\\s]+";

    private EnvironmentTranslation() {}

    /**
     * The engine's environments for {@code configs}, in the same order.
     *
     * @throws IllegalArgumentException with the engine's message when a value is not acceptable
     */
    static Environments toEngine(List<EnvironmentConfig> configs) {
        List<Environment> environments = new ArrayList<>();
        for (EnvironmentConfig config : configs) {
            environments.add(toEngine(config));
        }
        return new Environments(environments);
    }

    static Environment toEngine(EnvironmentConfig config) {
        ApprovalPolicy approval = new ApprovalPolicy(
                config.isApprovalRequired(),
                new LinkedHashSet<>(split(config.getApprovers())),
                new LinkedHashSet<>(split(config.getApproverGroups())),
                Duration.ofMinutes(config.getWaitTimerMinutes()),
                ApprovalPolicy.DEFAULT_TIMEOUT,
                false);
        RefPolicy refs = new RefPolicy(split(config.getAllowedBranches()), split(config.getAllowedTags()));
        return new Environment(
                config.getName(), GateThresholds.of(config.getMinPassRate(), config.getMinCoverage()), approval, refs);
    }

    /** Configuration objects holding {@code environments}, used to preload the engine's defaults. */
    static List<EnvironmentConfig> fromEngine(Environments environments) {
        List<EnvironmentConfig> configs = new ArrayList<>();
        for (Environment environment : environments.all()) {
            configs.add(fromEngine(environment));
        }
        return configs;
    }

    static EnvironmentConfig fromEngine(Environment environment) {
        EnvironmentConfig config = new EnvironmentConfig(environment.name());
        config.setMinPassRate(environment.gate().minPassRate().value());
        // Only line coverage has a field on the form; an environment without it is not gated on it.
        Percentage line = environment.gate().minCoverage().get(CoverageMetric.LINE);
        config.setMinCoverage(line == null ? 0 : line.value());
        ApprovalPolicy approval = environment.approval();
        config.setApprovalRequired(approval.required());
        config.setApprovers(join(approval.approvers()));
        config.setApproverGroups(join(approval.approverGroups()));
        config.setWaitTimerMinutes(Math.toIntExact(approval.waitTimer().toMinutes()));
        config.setAllowedBranches(join(environment.refs().branches()));
        config.setAllowedTags(join(environment.refs().tags()));
        return config;
    }

    /** The entries of a list typed as text: separated by commas or white space, blanks dropped. */
    static List<String> split(String text) {
        return Arrays.stream(text.split(LIST_SEPARATORS))
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    private static String join(Collection<String> entries) {
        return String.join(", ", entries);
    }
}
