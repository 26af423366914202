package io.genesis.core.policy;

import java.util.Arrays;
import java.util.List;

/**
 * The keys of one environment in the one policy schema: {@code genesis.yaml}, a trusted policy
 * file and the Jenkins global configuration (Configuration as Code under {@code unclassified:
 * genesis:}) use these words with these types. docs/configuration.md documents each.
 */
public enum PolicyKey {
    NAME("name", "a name such as 'staging'"),
    MIN_PASS_RATE("minPassRate", "a percentage such as 95"),
    MIN_COVERAGE("minCoverage", "a line coverage percentage such as 85"),
    MAX_COVERAGE_DROP("maxCoverageDrop", "percentage points such as 0.5"),
    ALLOW_LOOSENING("allowLoosening", "true or false"),
    CRITICALITY("criticality", "a mapping such as '{passRate: unstable, coverage: note}'"),
    FINDINGS("findings", "a mapping such as '{critical: 0, high: 0, secrets: 0}'"),
    APPROVAL_REQUIRED("approvalRequired", "true or false"),
    APPROVERS("approvers", "a list such as [alice, bob]"),
    APPROVER_GROUPS("approverGroups", "a list such as [release-managers]"),
    WAIT_TIMER_MINUTES("waitTimerMinutes", "whole minutes such as 5"),
    PREVENT_SELF_APPROVAL("preventSelfApproval", "true or false"),
    ALLOWED_BRANCHES("allowedBranches", "a list such as [main, \"release/*\"]"),
    ALLOWED_TAGS("allowedTags", "a list such as [\"v*\"]"),
    ALLOW_FORCE("allowForce", "true or false"),
    PROTECTED("protected", "true or false"),
    WATCH_HOURS("watchHours", "whole hours such as 48, or 0 for no post-deploy watch"),
    REQUIRES_PASSED("requiresPassed", "a list of environments such as [staging]"),
    MIN_SOAK_MINUTES("minSoakMinutes", "whole minutes such as 60"),
    HEALTH_DEADLINE_MINUTES(
            "healthDeadlineMinutes", "whole minutes from 1 to 60 such as 10 (Kubernetes' own progress deadline)"),
    /**
     * Where analysis and the post-deploy watch measure this environment when the deploy names no source:
     * read by {@code io.genesis.core.monitor.sources.MetricsBinder}.
     */
    METRICS(
            "metrics",
            "a mapping such as '{kind: scrape, url: \"http://shop:8080/metrics\", requests:"
                    + " http_requests_total, errors: \"http_requests_total{code=~\\\"5..\\\"}\"}'"),
    /** Where this environment's notifications go: read by {@code io.genesis.core.notify.NotificationsBinder}. */
    NOTIFY("notify", "a list of channels such as [{name: ops, type: slack, urlEnv: SLACK_WEBHOOK_URL}]"),
    /** Lifecycle hooks per phase, read by {@code io.genesis.core.hook.HooksBinder}. */
    HOOKS("hooks", "a mapping such as '{preTraffic: {command: \"pytest -m smoke --base-url {url}\"}}'"),
    REQUIRES_GATE("requiresGate", "true or false"),
    REQUIRES_HEALTHY_WATCH("requiresHealthyWatch", "true or false"),
    FREEZE(
            "freeze",
            "a list of windows such as '[{reason: weekend, timeZone: UTC, cron: \"0 18 * * FRI\", duration: 62h}]'"),
    /** Command line only: where {@code genesis deploy} deploys this environment to. */
    TARGET("target", "a mapping such as '{kind: kubernetes, namespace: prod}'"),
    /**
     * Command line only: where this environment's deployment records are kept, read by
     * {@code io.genesis.core.history.HistoryBinder}.
     */
    HISTORY(
            "history",
            "file (the state directory, the default) or cluster (ConfigMaps in the namespace of the environment's"
                    + " kubernetes target)"),
    /**
     * The post-deploy watch's thresholds for this environment: read by {@code
     * io.genesis.core.watch.WatchThresholdsBinder}.
     */
    WATCH_THRESHOLDS(
            "watchThresholds",
            "a mapping such as '{errorRate: {warning: 0.1, critical: 1, rollback: 5}, consecutiveCritical: 2,"
                    + " sampleInterval: 30s}'"),
    /**
     * How long this environment's deployment records are kept: read by {@code
     * io.genesis.core.history.RetentionBinder}.
     */
    RETENTION("retention", "a mapping such as '{keep: 500, days: 365}' (records per application and job, and days)");

    private final String key;
    private final String example;

    PolicyKey(String key, String example) {
        this.key = key;
        this.example = example;
    }

    /** The word used in every source. */
    public String key() {
        return key;
    }

    /** What a good value looks like, for the fix part of a message. */
    public String example() {
        return example;
    }

    /** The key called {@code key}, if it is one. */
    static PolicyKey named(String key) {
        return Arrays.stream(values())
                .filter(candidate -> candidate.key.equals(key))
                .findFirst()
                .orElse(null);
    }

    /** Every key, sorted, for messages. */
    static List<String> sortedKeys() {
        return Arrays.stream(values()).map(PolicyKey::key).sorted().toList();
    }
}
