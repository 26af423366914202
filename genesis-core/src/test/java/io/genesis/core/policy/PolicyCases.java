package io.genesis.core.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Environment definitions shared by the tests of every front door (the command line's loader, the
 * plugin's configuration classes as Configuration as Code binds them, the engine's binder): each
 * must read the same text to the same policy, and refuse the same bad value with the same message.
 */
public final class PolicyCases {

    /** Every key set in production, only the required ones in staging, some in qa. */
    public static final String ENVIRONMENTS = """
            environments:
              - name: staging
                minPassRate: 95
                minCoverage: 85
              - name: production
                minPassRate: 98.5
                minCoverage: 85
                maxCoverageDrop: 0.5
                allowLoosening: false
                criticality:
                  coverage: unstable
                  required: failure
                  coverageDrop: note
                  findings: unstable
                  benchmarks: note
                findings:
                  critical: 0
                  high: 2
                  secrets: 0
                approvalRequired: true
                approvers: [alice, bob]
                approverGroups: [release-managers]
                waitTimerMinutes: 5
                preventSelfApproval: true
                allowedBranches: [main, "release/*"]
                allowedTags: ["v*"]
                allowForce: false
                protected: true
                healthDeadlineMinutes: 20
                watchHours: 72
                requiresPassed: [staging]
                minSoakMinutes: 30
              - name: qa
                minPassRate: 90
                minCoverage: 0
                allowLoosening: true
                allowedBranches: ["**"]
                protected: true
            """;

    /** What {@link #ENVIRONMENTS} means. */
    public static Environments expected() {
        Environment staging = new Environment(
                "staging",
                GateThresholds.of(95, 85).withFindings(FindingBounds.STAGING),
                ApprovalPolicy.none(),
                new RefPolicy(List.of(), List.of()),
                true,
                false);
        Environment production = new Environment(
                        "production",
                        new GateThresholds(
                                new Percentage(98.5),
                                Map.of(CoverageMetric.LINE, new Percentage(85)),
                                Optional.of(0.5),
                                false,
                                Map.of(
                                        CriterionKind.COVERAGE, Criticality.UNSTABLE,
                                        CriterionKind.REQUIRED, Criticality.FAILURE,
                                        CriterionKind.COVERAGE_DROP, Criticality.NOTE,
                                        CriterionKind.FINDINGS, Criticality.UNSTABLE,
                                        CriterionKind.BENCHMARKS, Criticality.NOTE),
                                FindingBounds.NONE
                                        .with("critical", 0)
                                        .with("high", 2)
                                        .with("secrets", 0)),
                        new ApprovalPolicy(
                                true,
                                Set.of("alice", "bob"),
                                Set.of("release-managers"),
                                Duration.ofMinutes(5),
                                ApprovalPolicy.DEFAULT_TIMEOUT,
                                true),
                        new RefPolicy(List.of("main", "release/*"), List.of("v*")),
                        false,
                        true)
                .withHealthDeadline(Duration.ofMinutes(20))
                .withWatchWindow(Duration.ofHours(72))
                .withPromotion(new PromotionPath(List.of("staging"), Duration.ofMinutes(30)));
        Environment qa = new Environment(
                "qa",
                GateThresholds.of(90, 0).withAllowLoosening(true),
                ApprovalPolicy.none(),
                new RefPolicy(List.of("**"), List.of()),
                true,
                true);
        return new Environments(List.of(staging, production, qa));
    }

    /**
     * A bad environment and the message every front door gives for it.
     *
     * @param yaml the document
     * @param message the binder's message, which a front door may prefix with a file and line
     * @param typed whether a typed source (the plugin's configuration classes) can hold this value at
     *     all; a text where a number belongs, for one, is refused by Configuration as Code itself
     */
    public record Bad(String yaml, String message, boolean typed) {
        @Override
        public String toString() {
            return message;
        }
    }

    private static final String QA = "environments:\n  - name: qa\n    minPassRate: 99\n    minCoverage: 9\n";

    /** The table of bad values. */
    public static List<Bad> bad() {
        String fix = "; fix: correct this environment";
        return List.of(
                new Bad(
                        "environments:\n  - name: qa\n    minCoverage: 9\n",
                        "environments[0] (qa) has no minPassRate; fix: add 'minPassRate:' with a percentage such as 95",
                        true),
                new Bad(
                        "environments:\n  - name: qa\n    minPassRate: 99\n",
                        "environments[0] (qa) has no minCoverage; fix: add 'minCoverage:' with a line coverage"
                                + " percentage such as 85",
                        true),
                new Bad(
                        "environments:\n  - minPassRate: 99\n    minCoverage: 9\n",
                        "environments[0] has no name; fix: add 'name:' with a name such as 'staging'",
                        false),
                new Bad(
                        "environments:\n  - name: QA\n    minPassRate: 99\n    minCoverage: 9\n",
                        "environments[0] (QA): environment name 'QA' is not valid: use 1 to 63 lower-case letters,"
                                + " digits or '-', starting and ending with a letter or digit (for example 'staging'"
                                + " or 'eu-production')" + fix,
                        true),
                new Bad(
                        "environments:\n  - name: qa\n    minPassRate: 120\n    minCoverage: 9\n",
                        "environments[0] (qa): minPassRate must be between 0 and 100, got 120.0" + fix,
                        true),
                new Bad(
                        "environments:\n  - name: qa\n    minPassRate: 99\n    minCoverage: -1\n",
                        "environments[0] (qa): minCoverage must be between 0 and 100, got -1.0" + fix,
                        true),
                new Bad(
                        QA + "    maxCoverageDrop: 101\n",
                        "environments[0] (qa): maxCoverageDrop must be between 0 and 100 percentage points, got 101.0"
                                + fix,
                        true),
                new Bad(
                        QA + "    waitTimerMinutes: -5\n",
                        "environments[0] (qa): waitTimerMinutes must not be negative, got -5" + fix,
                        true),
                new Bad(
                        QA + "    waitTimerMinutes: 1440\n",
                        "environments[0] (qa): approval waitTimer (PT24H) must be shorter than its timeout (PT24H), or"
                                + " nobody could ever approve" + fix,
                        true),
                new Bad(
                        QA + "    criticality:\n      passRate: fatal\n",
                        "environments[0] (qa): criticality.passRate must be one of note, unstable, failure, error, got"
                                + " 'fatal'" + fix,
                        true),
                new Bad(
                        QA + "    criticality:\n      tests: note\n",
                        "environments[0] (qa): criticality of tests cannot be set: it is an input problem, and missing"
                                + " data never passes, so it is always error; remove tests from the criticality"
                                + " settings" + fix,
                        false),
                new Bad(
                        QA + "    allowedBranches: [main, \" \"]\n",
                        "environments[0] (qa): allowedBranches must not contain a blank entry" + fix,
                        true),
                new Bad(
                        QA + "  - name: qa\n    minPassRate: 99\n    minCoverage: 9\n",
                        "environments[1] (qa): environment 'qa' is defined twice; fix: give each environment its own"
                                + " name",
                        true),
                new Bad(
                        QA + "    allowForce: maybe\n",
                        "environments[0] (qa): allowForce cannot be 'maybe'; fix: write true or false",
                        false),
                new Bad(
                        "environments:\n  - name: qa\n    minPassRate: high\n    minCoverage: 9\n",
                        "environments[0] (qa): minPassRate cannot be 'high'; fix: write a percentage such as 95",
                        false),
                new Bad(
                        QA + "    approvers: alice\n",
                        "environments[0] (qa): approvers cannot be 'alice'; fix: write a list such as [alice, bob]",
                        false),
                new Bad(
                        QA + "    waitTimerMinutes: 2.5\n",
                        "environments[0] (qa): waitTimerMinutes cannot be '2.5'; fix: write whole minutes such as 5",
                        false),
                new Bad(
                        QA + "    minPassrate: 100\n",
                        "environments[0] (qa): unknown key 'minPassrate'; fix: use one of the known keys:"
                                + " allowForce, allowLoosening, allowedBranches, allowedTags, approvalRequired,"
                                + " approverGroups, approvers, criticality, findings, freeze, healthDeadlineMinutes, history, hooks, maxCoverageDrop,"
                                + " metrics,"
                                + " minCoverage, minPassRate,"
                                + " minSoakMinutes, name, notify, preventSelfApproval, protected, requiresGate, requiresHealthyWatch,"
                                + " requiresPassed, retention, target,"
                                + " waitTimerMinutes, watchHours, watchThresholds",
                        false),
                new Bad(
                        QA + "    requiresPassed: [qa]\n",
                        "environments[0] (qa): environment 'qa' requires itself in requiresPassed; a version could"
                                + " never pass it first" + fix,
                        true),
                new Bad(
                        QA + "    requiresPassed: [Staging]\n",
                        "environments[0] (qa): environment name 'Staging' is not valid: use 1 to 63 lower-case"
                                + " letters, digits or '-', starting and ending with a letter or digit (for example"
                                + " 'staging' or 'eu-production')" + fix,
                        true),
                new Bad(
                        QA + "    minSoakMinutes: -5\n",
                        "environments[0] (qa): minSoakMinutes must not be negative, got -5" + fix,
                        true),
                new Bad(
                        QA + "    watchHours: 721\n",
                        "environments[0] (qa): the post-deploy watch window must be from 0 to 720 hours, got 721"
                                + " hours; 48 is the release guide's window, 0 means none" + fix,
                        true),
                new Bad(
                        QA + "    healthDeadlineMinutes: 0\n",
                        "environments[0] (qa): the health deadline must be whole minutes from 1 to 60, got 0 minutes;"
                                + " 10 (Kubernetes' own progress deadline) suits most clusters, more for slow image"
                                + " pulls" + fix,
                        true),
                new Bad(
                        QA + "    healthDeadlineMinutes: 61\n",
                        "environments[0] (qa): the health deadline must be whole minutes from 1 to 60, got 61 minutes;"
                                + " 10 (Kubernetes' own progress deadline) suits most clusters, more for slow image"
                                + " pulls" + fix,
                        true),
                new Bad(
                        QA + "    healthDeadlineMinutes: 2.5\n",
                        "environments[0] (qa): healthDeadlineMinutes cannot be '2.5'; fix: write whole minutes from 1"
                                + " to 60 such as 10 (Kubernetes' own progress deadline)",
                        false),
                new Bad(
                        "environments: []\n",
                        "the document defines no environments; fix: add a list under 'environments:', for example"
                                + " '- name: staging' with minPassRate and minCoverage",
                        // A configuration page without environments is a Jenkins that deploys nowhere yet.
                        false),
                new Bad(
                        "environments: 5\n",
                        "environments has the wrong shape; fix: write a list such as '- name: staging' under"
                                + " 'environments:'",
                        false));
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A YAML text as the plain tree a loader produces. */
    public static Object tree(String yaml) {
        try {
            return YAML.readValue(yaml, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PolicyCases() {}
}
