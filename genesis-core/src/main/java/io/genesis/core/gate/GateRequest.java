package io.genesis.core.gate;

import io.genesis.core.policy.Environment;
import io.genesis.core.policy.FindingBounds;
import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.Percentage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one gate evaluation needs: where the reports are, which environment's bar applies,
 * and what the caller asks on top of it. A pipeline step or a command line fills one in, in one
 * place, and hands it to {@link Gate#evaluate(GateRequest)}.
 *
 * @param environment the environment whose thresholds apply
 * @param workspace the directory report patterns are relative to; nothing outside it is read
 * @param testReports patterns of JUnit XML files
 * @param coverageReports patterns of JaCoCo or Cobertura XML files
 * @param minPassRate a pass-rate bar replacing the environment's, if given
 * @param minCoverage coverage bars replacing or adding to the environment's, per metric
 * @param maxCoverageDrop how many points coverage may fall below the baseline, replacing the
 *     environment's, if given
 * @param baselineCoverage coverage of the previous release, per metric, to compare with
 * @param requiredTests selectors of tests that must all pass
 * @param criticality what a criterion of each kind does when not met, replacing the environment's;
 *     only as strict or stricter, unless the environment allows loosening
 * @param unstableMargin by how many percentage points a threshold may be missed and the gate be
 *     {@link Verdict#UNSTABLE} rather than {@link Verdict#FAILED}; 0 means never unstable
 * @param forceReason when present, a gate that did not pass is {@link Verdict#OVERRIDDEN}, for
 *     this recorded reason
 * @param limits how much of each report file is read at most
 * @param forcedBy the account that asked for force (the operating-system or Jenkins user), recorded
 *     with the override
 * @param findings the security findings reports, and bounds tighter than the environment's
 * @param benchmarks benchmark results, the baseline to compare them with, and the threshold
 */
public record GateRequest(
        Environment environment,
        Path workspace,
        List<ReportGlob> testReports,
        List<ReportGlob> coverageReports,
        Optional<Percentage> minPassRate,
        Map<CoverageMetric, Percentage> minCoverage,
        Optional<Double> maxCoverageDrop,
        Map<CoverageMetric, Percentage> baselineCoverage,
        List<TestSelector> requiredTests,
        Map<CriterionKind, Criticality> criticality,
        double unstableMargin,
        Optional<String> forceReason,
        ReadLimits limits,
        Optional<String> forcedBy,
        FindingsRequest findings,
        BenchmarksRequest benchmarks) {

    public GateRequest {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(workspace, "workspace");
        testReports = List.copyOf(testReports);
        coverageReports = List.copyOf(coverageReports);
        Objects.requireNonNull(minPassRate, "minPassRate");
        minCoverage = copy(minCoverage);
        Objects.requireNonNull(maxCoverageDrop, "maxCoverageDrop");
        maxCoverageDrop.ifPresent(drop -> requirePoints("maxCoverageDrop", drop));
        baselineCoverage = copy(baselineCoverage);
        requiredTests = List.copyOf(requiredTests);
        Set<String> names = new HashSet<>();
        for (TestSelector selector : requiredTests) {
            if (!names.add(selector.name())) {
                throw new IllegalArgumentException("required-test selector '" + selector.name()
                        + "' is given twice; give each selector its own name");
            }
        }
        EnumMap<CriterionKind, Criticality> levels = new EnumMap<>(CriterionKind.class);
        levels.putAll(Objects.requireNonNull(criticality, "criticality"));
        levels.keySet().forEach(GateThresholds::requireConfigurable);
        criticality = Collections.unmodifiableMap(levels);
        requirePoints("unstableMargin", unstableMargin);
        Objects.requireNonNull(forceReason, "forceReason");
        forceReason.ifPresent(reason -> {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("force needs a reason; say why the gate may be bypassed");
            }
        });
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(forcedBy, "forcedBy");
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(benchmarks, "benchmarks");
    }

    /** A request for {@code environment} with reports under {@code workspace}; nothing else set. */
    public static Builder builder(Environment environment, Path workspace) {
        return new Builder(environment, workspace);
    }

    /** Whether the caller asked to bypass a gate that does not pass. */
    public boolean forced() {
        return forceReason.isPresent();
    }

    private static Map<CoverageMetric, Percentage> copy(Map<CoverageMetric, Percentage> map) {
        EnumMap<CoverageMetric, Percentage> copy = new EnumMap<>(CoverageMetric.class);
        copy.putAll(Objects.requireNonNull(map, "coverage map"));
        return Collections.unmodifiableMap(copy);
    }

    private static void requirePoints(String field, double points) {
        Percentage.requirePoints(field, points);
    }

    /** Builds a {@link GateRequest}; every setter validates its input and names the field. */
    public static final class Builder {
        private final Environment environment;
        private final Path workspace;
        private final List<ReportGlob> testReports = new ArrayList<>();
        private final List<ReportGlob> coverageReports = new ArrayList<>();
        private Percentage minPassRate;
        private final Map<CoverageMetric, Percentage> minCoverage = new EnumMap<>(CoverageMetric.class);
        private Double maxCoverageDrop;
        private final Map<CoverageMetric, Percentage> baselineCoverage = new EnumMap<>(CoverageMetric.class);
        private final List<TestSelector> requiredTests = new ArrayList<>();
        private final Map<CriterionKind, Criticality> criticality = new EnumMap<>(CriterionKind.class);
        private double unstableMargin;
        private String forceReason;
        private ReadLimits limits = ReadLimits.DEFAULT;
        private String forcedBy;
        private final List<ReportGlob> findingsReports = new ArrayList<>();
        private boolean newFindingsOnly;
        private FindingBounds findingBounds = FindingBounds.NONE;
        private final List<ReportGlob> benchmarkReports = new ArrayList<>();
        private final List<ReportGlob> benchmarkBaseline = new ArrayList<>();
        private double benchmarkThreshold = BenchmarksRequest.DEFAULT_THRESHOLD_PERCENT;
        private RecordedBaseline recordedBaseline;

        private Builder(Environment environment, Path workspace) {
            this.environment = Objects.requireNonNull(environment, "environment");
            this.workspace = Objects.requireNonNull(workspace, "workspace");
        }

        /** Adds test report patterns; each may itself be a comma-separated list. */
        public Builder testReports(List<String> patterns) {
            patterns.forEach(p -> testReports.addAll(ReportGlob.list(p)));
            return this;
        }

        public Builder testReports(String... patterns) {
            return testReports(List.of(patterns));
        }

        /** Adds coverage report patterns; each may itself be a comma-separated list. */
        public Builder coverageReports(List<String> patterns) {
            patterns.forEach(p -> coverageReports.addAll(ReportGlob.list(p)));
            return this;
        }

        public Builder coverageReports(String... patterns) {
            return coverageReports(List.of(patterns));
        }

        public Builder minPassRate(Percentage rate) {
            this.minPassRate = Objects.requireNonNull(rate, "minPassRate");
            return this;
        }

        public Builder minCoverage(CoverageMetric metric, Percentage bar) {
            minCoverage.put(Objects.requireNonNull(metric, "metric"), Objects.requireNonNull(bar, "minCoverage"));
            return this;
        }

        public Builder maxCoverageDrop(double points) {
            requirePoints("maxCoverageDrop", points);
            this.maxCoverageDrop = points;
            return this;
        }

        public Builder baselineCoverage(CoverageMetric metric, Percentage baseline) {
            baselineCoverage.put(
                    Objects.requireNonNull(metric, "metric"), Objects.requireNonNull(baseline, "baselineCoverage"));
            return this;
        }

        public Builder require(TestSelector selector) {
            requiredTests.add(Objects.requireNonNull(selector, "selector"));
            return this;
        }

        /** Asks for {@code level} when a criterion of {@code kind} is not met; input problems stay errors. */
        public Builder criticality(CriterionKind kind, Criticality level) {
            criticality.put(
                    GateThresholds.requireConfigurable(Objects.requireNonNull(kind, "kind")),
                    Objects.requireNonNull(level, "criticality"));
            return this;
        }

        public Builder unstableMargin(double points) {
            requirePoints("unstableMargin", points);
            this.unstableMargin = points;
            return this;
        }

        /** Bypasses a gate that does not pass; {@code reason} must say why, and is recorded. */
        public Builder force(String reason) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("force needs a reason; say why the gate may be bypassed");
            }
            this.forceReason = reason.strip();
            return this;
        }

        /** Who asks for force, as the host knows them; recorded with an override. */
        public Builder forcedBy(String account) {
            this.forcedBy = account == null || account.isBlank() ? null : account.strip();
            return this;
        }

        public Builder limits(ReadLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Patterns of security findings reports, comma-separated or one per argument. */
        public Builder findingsReports(List<String> patterns) {
            patterns.forEach(p -> findingsReports.addAll(ReportGlob.list(p)));
            return this;
        }

        public Builder findingsReports(String... patterns) {
            return findingsReports(List.of(patterns));
        }

        /** Count only findings a SARIF tool marked as new against its baseline. */
        public Builder newFindingsOnly(boolean newOnly) {
            this.newFindingsOnly = newOnly;
            return this;
        }

        /**
         * At most {@code max} findings of {@code name} ({@code critical}, {@code high},
         * {@code medium}, {@code low} or {@code secrets}); only as strict as the environment or
         * stricter.
         */
        public Builder maxFindings(String name, long max) {
            this.findingBounds = findingBounds.with(name, max);
            return this;
        }

        /** This run's JMH or pytest-benchmark JSON files. */
        public Builder benchmarkReports(List<String> patterns) {
            patterns.forEach(p -> benchmarkReports.addAll(ReportGlob.list(p)));
            return this;
        }

        public Builder benchmarkReports(String... patterns) {
            return benchmarkReports(List.of(patterns));
        }

        /** The baseline run's benchmark files, to compare with. */
        public Builder benchmarkBaseline(String... patterns) {
            List.of(patterns).forEach(p -> benchmarkBaseline.addAll(ReportGlob.list(p)));
            return this;
        }

        /**
         * The baseline recorded for the version that runs in the environment now, used when no
         * baseline files are given.
         */
        public Builder recordedBaseline(RecordedBaseline baseline) {
            this.recordedBaseline = baseline;
            return this;
        }

        /** How many percent worse a benchmark may be (default 10). */
        public Builder benchmarkThreshold(double percent) {
            this.benchmarkThreshold = percent;
            return this;
        }

        public GateRequest build() {
            return new GateRequest(
                    environment,
                    workspace,
                    testReports,
                    coverageReports,
                    Optional.ofNullable(minPassRate),
                    minCoverage,
                    Optional.ofNullable(maxCoverageDrop),
                    baselineCoverage,
                    requiredTests,
                    criticality,
                    unstableMargin,
                    Optional.ofNullable(forceReason),
                    limits,
                    Optional.ofNullable(forcedBy),
                    new FindingsRequest(findingsReports, newFindingsOnly, findingBounds),
                    new BenchmarksRequest(benchmarkReports, benchmarkBaseline, benchmarkThreshold, recordedBaseline));
        }
    }
}
