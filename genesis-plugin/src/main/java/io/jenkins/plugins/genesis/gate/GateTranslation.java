package io.jenkins.plugins.genesis.gate;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import io.genesis.core.gate.ForceRule;
import io.genesis.core.gate.GatePolicy;
import io.genesis.core.gate.GateRequest;
import io.genesis.core.gate.TestSelector;
import io.genesis.core.gate.record.GateRecordJson;
import io.genesis.core.policy.Percentage;
import io.jenkins.plugins.genesis.ForceWords;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one place where a {@code genesisGate} call becomes an engine request. The controller runs it
 * first to refuse a bad call before any agent is asked; the agent runs it again, with the real
 * workspace, and evaluates the request.
 */
final class GateTranslation {

    /** How a Pipeline script spells force and its reason, for the engine's force rule. */
    static final String FORCE = ForceWords.FORCE;

    static final String REASON = ForceWords.REASON;

    private GateTranslation() {}

    /**
     * The engine request for {@code input}, reading reports under {@code workspace}.
     *
     * @throws IllegalArgumentException naming the step parameter, the bad value and the fix
     */
    static GateRequest toRequest(GateInput input, Path workspace) {
        GateSettings settings = input.settings;
        TestResultsSource source = TestResultsSource.named(settings.testResultsSource);
        checkUsage(settings, source);
        GateRequest.Builder builder = GateRequest.builder(input.environment.toEngine(), workspace);
        if (source == TestResultsSource.REPORTS) {
            builder.testReports(settings.tests);
        }
        if (!isBlank(settings.coverageReports)) {
            builder.coverageReports(settings.coverageReports);
        }
        if (settings.minPassRate != null) {
            builder.minPassRate(Percentage.of("minPassRate", settings.minPassRate));
        }
        if (settings.minCoverage != null) {
            builder.minCoverage(CoverageMetric.LINE, Percentage.of("minCoverage", settings.minCoverage));
        }
        if (settings.baselineCoverage != null) {
            builder.baselineCoverage(CoverageMetric.LINE, Percentage.of("baselineCoverage", settings.baselineCoverage));
        }
        if (settings.maxCoverageDrop != null) {
            builder.maxCoverageDrop(settings.maxCoverageDrop);
        }
        for (RequiredTest required : settings.requiredTests()) {
            builder.require(TestSelector.of(required.getName(), required.getPattern()));
        }
        criticality(settings).forEach(builder::criticality);
        if (settings.unstableMargin != null) {
            builder.unstableMargin(settings.unstableMargin);
        }
        if (!isBlank(settings.findings)) {
            builder.findingsReports(settings.findings);
        }
        builder.newFindingsOnly(settings.newFindingsOnly);
        if (!isBlank(settings.benchmarks)) {
            builder.benchmarkReports(settings.benchmarks);
        }
        if (!isBlank(settings.benchmarkBaseline)) {
            builder.benchmarkBaseline(settings.benchmarkBaseline);
        }
        if (settings.benchmarkThreshold != null) {
            builder.benchmarkThreshold(settings.benchmarkThreshold);
        }
        if (input.recordedBaseline != null) {
            builder.recordedBaseline(GateRecordJson.readBaseline(input.recordedBaseline));
        }
        if (settings.force) {
            builder.force(settings.reason);
        }
        return builder.build();
    }

    /**
     * Refuses what the gate could not evaluate as asked, before any agent is involved: a bad
     * parameter, or a threshold looser than the environment lets a pipeline ask for. Nothing is
     * read; the workspace given to the engine is a placeholder.
     *
     * @throws IllegalArgumentException naming the step parameter, the bad value and the fix
     */
    static void validate(GateInput input) {
        GatePolicy.of(toRequest(input, Path.of("")));
    }

    /**
     * The call's criticalities by kind. The engine parses kinds and levels (and refuses input
     * problems and weaker levels); a kind given twice is a mistake of the list form, refused here.
     */
    static Map<CriterionKind, Criticality> criticality(GateSettings settings) {
        Map<CriterionKind, Criticality> levels = new EnumMap<>(CriterionKind.class);
        for (CriterionCriticality entry : settings.criticality()) {
            CriterionKind kind = CriterionKind.parse(entry.getKind());
            Criticality level =
                    Criticality.parse("criticality(kind: '" + entry.getKind() + "').level", entry.getLevel());
            Criticality earlier = levels.put(kind, level);
            if (earlier != null) {
                throw new IllegalArgumentException(
                        Messages.CRITICALITY_TWICE.format(kind.key(), earlier.key(), level.key()));
            }
        }
        return levels;
    }

    private static void checkUsage(GateSettings settings, TestResultsSource source) {
        ForceRule.pairing(settings.force, settings.reason, FORCE, REASON).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        switch (source) {
            case REPORTS -> {
                if (isBlank(settings.tests)) {
                    throw new IllegalArgumentException(Messages.TESTS_REQUIRED.format());
                }
            }
            case JUNIT -> {
                if (!isBlank(settings.tests)) {
                    throw new IllegalArgumentException(Messages.TESTS_WITH_JUNIT.format(settings.tests));
                }
                if (!settings.requiredTests.isEmpty()) {
                    throw new IllegalArgumentException(Messages.REQUIRED_WITH_JUNIT.format());
                }
            }
        }
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
