package io.genesis.cli;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.ForceRule;
import io.genesis.core.gate.Gate;
import io.genesis.core.gate.GateRequest;
import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.TestSelector;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genesis gate}: judges a run's test and coverage reports against an environment's bar. */
@Command(
        name = "gate",
        sortOptions = false,
        description = {
            "Reads JUnit XML (Surefire, Failsafe, Gradle, pytest, Jest) and JaCoCo or Cobertura coverage reports,"
                    + " and decides whether the build meets the environment's quality bar.",
            "Report patterns are relative to --dir: * stays within a directory, ** spans directories."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:passed, or overridden with --force",
            "1:the gate failed",
            ExitCodeText.USAGE + " (such as reports that could not be found or read)",
            "3:the gate is unstable (a threshold missed within --unstable-margin, or a required test skipped)",
            ExitCodeText.INTERNAL
        })
final class GateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    private final Host host;

    /** The command on {@code host}, whose user is recorded as whoever forces a gate. */
    GateCommand(Host host) {
        this.host = host;
    }

    @Option(
            names = "--environment",
            required = true,
            paramLabel = "NAME",
            description = "Environment whose thresholds apply, such as staging or production.")
    String environment;

    @Option(
            names = "--tests",
            required = true,
            split = ",",
            paramLabel = "GLOB",
            description = "JUnit XML reports, such as 'target/surefire-reports/*.xml'. Repeatable.")
    List<String> tests = new ArrayList<>();

    @Option(
            names = "--coverage",
            split = ",",
            paramLabel = "GLOB",
            description = "JaCoCo or Cobertura XML reports, such as 'target/site/jacoco/jacoco.xml'. Repeatable.")
    List<String> coverage = new ArrayList<>();

    @Option(
            names = "--min-pass-rate",
            paramLabel = "PERCENT",
            description = "Pass-rate bar instead of the environment's; lower only where the environment allows.")
    String minPassRate;

    @Option(
            names = "--min-coverage",
            paramLabel = "[METRIC=]PERCENT",
            description = "Coverage bar (line unless a metric is named: instruction, branch, line, complexity,"
                    + " method, class). Repeatable.")
    List<String> minCoverage = new ArrayList<>();

    @Option(
            names = "--require",
            paramLabel = "NAME=GLOB",
            description = "Tests that must all pass, such as critical='*Critical*'; matched against class names,"
                    + " test names and class.test. Repeatable.")
    List<String> required = new ArrayList<>();

    @Option(
            names = "--baseline-coverage",
            paramLabel = "[METRIC=]PERCENT",
            description = "Coverage of the last release, to check the drop against. Repeatable.")
    List<String> baselineCoverage = new ArrayList<>();

    @Option(
            names = "--max-coverage-drop",
            paramLabel = "POINTS",
            description = "How many points coverage may fall below the baseline (default: the environment's, or 0).")
    Double maxCoverageDrop;

    @Option(
            names = "--unstable-margin",
            paramLabel = "POINTS",
            description = "A threshold missed by at most this many points makes the gate unstable, not failed"
                    + " (default 0).")
    Double unstableMargin;

    @Option(
            names = "--findings",
            split = ",",
            paramLabel = "GLOB",
            description = "Security findings reports: SARIF 2.1.0, Bandit, pip-audit, OSV-Scanner, gitleaks or"
                    + " TruffleHog JSON, such as 'reports/*.sarif'. Repeatable.")
    List<String> findings = new ArrayList<>();

    @Option(
            names = "--new-findings-only",
            description = "Count only findings a SARIF tool marked as new against its baseline (baselineState).")
    boolean newFindingsOnly;

    @Option(
            names = "--max-findings",
            paramLabel = "KIND=N",
            description = "At most N findings of a kind (critical, high, medium, low, secrets), tighter than the"
                    + " environment's bound. Repeatable.")
    List<String> maxFindings = new ArrayList<>();

    @Option(
            names = "--benchmarks",
            split = ",",
            paramLabel = "GLOB",
            description = "This run's JMH (-rf json) or pytest-benchmark (--benchmark-json) results. Repeatable.")
    List<String> benchmarks = new ArrayList<>();

    @Option(
            names = "--benchmark-baseline",
            split = ",",
            paramLabel = "GLOB",
            description = "The baseline run's benchmark results, to compare with. Repeatable.")
    List<String> benchmarkBaseline = new ArrayList<>();

    @Option(
            names = "--benchmark-threshold",
            paramLabel = "PERCENT",
            description = "How many percent worse a benchmark may be beyond the noise (default 10).")
    Double benchmarkThreshold;

    @Option(names = "--force", description = "Let a gate that did not pass through; needs --reason.")
    boolean force;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why --force is used; it is recorded.")
    String reason;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The checkout's environments file, which may only tighten the trusted policy (default:"
                    + " genesis.yaml in --dir if present).")
    Path config;

    @Mixin
    PolicyOption policy = new PolicyOption();

    @Option(
            names = "--commit",
            paramLabel = "SHA",
            description = "The commit the reports were built from; the verdict is recorded for it in the state"
                    + " directory (default: git rev-parse HEAD in --dir, when it is a checkout).")
    String commit;

    @Option(
            names = "--application",
            paramLabel = "NAME",
            description = "With --benchmarks and no --benchmark-baseline: compare with the benchmarks recorded for"
                    + " the version of this application that runs in the environment now.")
    String application;

    @Option(names = "--no-record", description = "Do not record the verdict in the state directory.")
    boolean noRecord;

    @Mixin
    StateDirOption stateDir = new StateDirOption();

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Directory the report patterns are relative to; nothing outside it is read (default: .).")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GateVerdict verdict;
        try {
            verdict = Gate.evaluate(request());
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("genesis gate: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        if (json) {
            out.println(verdict.summary().toJson());
        } else {
            HumanReport.print(verdict, out);
        }
        GateRecords.record(verdict, recordedCommit(), noRecord, this::stateDirectory, host.user(), host.clock())
                .ifPresent(line -> err.println("genesis gate: " + line));
        ExitCode exit = ExitCode.of(verdict);
        if (exit == ExitCode.USAGE) {
            err.println("genesis gate: some reports could not be found or read; the gate failed (see above)");
        }
        return exit.code();
    }

    private GateRequest request() throws ConfigException {
        Environment target = environments().named(environment);
        ForceRule.check(target, force, reason, "--force", "--reason");
        GateRequest.Builder builder =
                GateRequest.builder(target, dir).testReports(tests).coverageReports(coverage);
        if (minPassRate != null) {
            builder.minPassRate(Percentage.parse("--min-pass-rate", minPassRate));
        }
        MetricValue.parseEach("--min-coverage", minCoverage, builder::minCoverage);
        MetricValue.parseEach("--baseline-coverage", baselineCoverage, builder::baselineCoverage);
        if (maxCoverageDrop != null) {
            builder.maxCoverageDrop(maxCoverageDrop);
        }
        if (unstableMargin != null) {
            builder.unstableMargin(unstableMargin);
        }
        required.forEach(selector -> builder.require(TestSelector.parse(selector)));
        builder.findingsReports(findings).newFindingsOnly(newFindingsOnly);
        builder.benchmarkReports(benchmarks).benchmarkBaseline(benchmarkBaseline.toArray(String[]::new));
        if (benchmarkThreshold != null) {
            builder.benchmarkThreshold(benchmarkThreshold);
        }
        if (!benchmarks.isEmpty() && benchmarkBaseline.isEmpty()) {
            builder.recordedBaseline(GateRecords.deployedBaseline(application, target.name(), this::stateDirectory));
        }
        for (String bound : maxFindings) {
            int equals = bound.indexOf('=');
            long max;
            try {
                max = equals < 0
                        ? -1
                        : Long.parseLong(bound.substring(equals + 1).trim());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 0) {
                throw new IllegalArgumentException("--max-findings " + bound
                        + ": expected KIND=N with a whole number N >= 0, such as high=0 or secrets=0");
            }
            builder.maxFindings(bound.substring(0, equals).trim(), max);
        }
        if (force) {
            builder.force(reason).forcedBy(host.user());
        }
        return builder.build();
    }

    /** The commit given, else the checkout's in --dir, else none (and nothing is recorded). */
    private String recordedCommit() {
        return commit != null ? commit : Git.head(dir).orElse(null);
    }

    private StateDir stateDirectory() {
        return stateDir.dir();
    }

    private Environments environments() throws ConfigException {
        return ConfigFile.contents(policy.file, config, dir).environments();
    }

    /** {@code 85} (line coverage) or {@code branch=70}. */
    record MetricValue(CoverageMetric metric, Percentage percentage) {

        /** Parses each of {@code texts}, given with {@code option}, and hands it to {@code use}, in order. */
        static void parseEach(String option, List<String> texts, BiConsumer<CoverageMetric, Percentage> use) {
            for (String text : texts) {
                MetricValue value = parse(option, text);
                use.accept(value.metric(), value.percentage());
            }
        }

        static MetricValue parse(String option, String text) {
            int equals = text.indexOf('=');
            if (equals < 0) {
                return new MetricValue(CoverageMetric.LINE, Percentage.parse(option, text));
            }
            CoverageMetric metric;
            try {
                metric = CoverageMetric.named(text.substring(0, equals));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " " + text + ": " + e.getMessage(), e);
            }
            return new MetricValue(metric, Percentage.parse(option, text.substring(equals + 1)));
        }
    }
}
