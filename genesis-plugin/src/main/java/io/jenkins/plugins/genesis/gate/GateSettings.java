package io.jenkins.plugins.genesis.gate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code genesisGate} call asked for, as plain data: the step's fields, copied when the step
 * starts. The step execution keeps it, and it travels to the agent inside a {@link GateInput}, so
 * it holds nothing but strings, numbers, {@link RequiredTest}s and {@link CriterionCriticality}s. {@code null} numbers were not
 * given.
 */
final class GateSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    final String environment;
    final String tests;
    final String coverageReports;
    final Double minPassRate;
    final Double minCoverage;
    final Double baselineCoverage;
    final Double maxCoverageDrop;
    final ArrayList<RequiredTest> requiredTests;
    final ArrayList<CriterionCriticality> criticality;
    final Double unstableMargin;
    final boolean force;
    final String reason;
    final String testResultsSource;
    final String findings;
    final boolean newFindingsOnly;
    final String benchmarks;
    final String benchmarkBaseline;
    final Double benchmarkThreshold;
    final String application;

    GateSettings(GenesisGateStep step) {
        this.environment = step.getEnvironment();
        this.tests = step.getTests();
        this.coverageReports = step.getCoverageReports();
        this.minPassRate = step.getMinPassRate();
        this.minCoverage = step.getMinCoverage();
        this.baselineCoverage = step.getBaselineCoverage();
        this.maxCoverageDrop = step.getMaxCoverageDrop();
        this.requiredTests = new ArrayList<>(step.getRequiredTests());
        this.criticality = new ArrayList<>(step.getCriticality());
        this.unstableMargin = step.getUnstableMargin();
        this.force = step.isForce();
        this.reason = step.getReason();
        this.testResultsSource = step.getTestResultsSource();
        this.findings = step.getFindings();
        this.newFindingsOnly = step.isNewFindingsOnly();
        this.benchmarks = step.getBenchmarks();
        this.benchmarkBaseline = step.getBenchmarkBaseline();
        this.benchmarkThreshold = step.getBenchmarkThreshold();
        this.application = step.getApplication();
    }

    List<RequiredTest> requiredTests() {
        return List.copyOf(requiredTests);
    }

    List<CriterionCriticality> criticality() {
        return List.copyOf(criticality);
    }
}
