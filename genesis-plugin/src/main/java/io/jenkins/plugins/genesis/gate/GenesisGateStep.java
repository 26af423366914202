package io.jenkins.plugins.genesis.gate;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.test.AbstractTestResultAction;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.genesis.core.policy.Environment;
import io.jenkins.plugins.genesis.GenesisPermissions;
import io.jenkins.plugins.genesis.JenkinsFacade;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import io.jenkins.plugins.genesis.deploy.DeployEngine;
import io.jenkins.plugins.genesis.deploy.UnreadableFilesReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code genesisGate}: judges the build's test and coverage reports against an environment's
 * quality bar, prints one line per criterion, records the verdict on the build page, and passes,
 * marks the build unstable, or fails the step. Its parameters mirror {@code genesis gate}'s
 * options; {@link GateTranslation} turns them into the engine's request.
 *
 * <pre>
 * def gate = genesisGate environment: 'production',
 *                        tests: '**&#47;surefire-reports/TEST-*.xml',
 *                        coverageReports: '**&#47;jacoco.xml',
 *                        requiredTests: [required(name: 'critical', pattern: '*Critical*')]
 * echo "pass rate ${gate.passRate}"
 * </pre>
 */
public final class GenesisGateStep extends Step {

    private final String environment;
    private String tests = "";
    private String coverageReports = "";
    private Double minPassRate;
    private Double minCoverage;
    private Double baselineCoverage;
    private Double maxCoverageDrop;
    private List<RequiredTest> requiredTests = new ArrayList<>();
    private List<CriterionCriticality> criticality = new ArrayList<>();
    private Double unstableMargin;
    private boolean force;
    private String reason = "";
    private String testResultsSource = TestResultsSource.REPORTS.id();
    private String findings = "";
    private boolean newFindingsOnly;
    private String benchmarks = "";
    private String benchmarkBaseline = "";
    private Double benchmarkThreshold;
    private String application = "";

    /** A gate against the bar of {@code environment}, as configured on Manage Jenkins, System. */
    @DataBoundConstructor
    public GenesisGateStep(String environment) {
        this.environment = clean(environment);
    }

    public String getEnvironment() {
        return environment;
    }

    /** JUnit XML report patterns, comma-separated, relative to the workspace. */
    public String getTests() {
        return tests;
    }

    @DataBoundSetter
    public void setTests(String tests) {
        this.tests = clean(tests);
    }

    /** JaCoCo or Cobertura XML report patterns, comma-separated, relative to the workspace. */
    public String getCoverageReports() {
        return coverageReports;
    }

    @DataBoundSetter
    public void setCoverageReports(String coverageReports) {
        this.coverageReports = clean(coverageReports);
    }

    /** A pass-rate bar instead of the environment's, in percent; {@code null} keeps the environment's. */
    public Double getMinPassRate() {
        return minPassRate;
    }

    @DataBoundSetter
    public void setMinPassRate(Double minPassRate) {
        this.minPassRate = minPassRate;
    }

    /** A line-coverage bar instead of the environment's, in percent; {@code null} keeps the environment's. */
    public Double getMinCoverage() {
        return minCoverage;
    }

    @DataBoundSetter
    public void setMinCoverage(Double minCoverage) {
        this.minCoverage = minCoverage;
    }

    /** The line coverage of the last release, in percent, to check the drop against; {@code null}: no check. */
    public Double getBaselineCoverage() {
        return baselineCoverage;
    }

    @DataBoundSetter
    public void setBaselineCoverage(Double baselineCoverage) {
        this.baselineCoverage = baselineCoverage;
    }

    /** How many points coverage may fall below the baseline; {@code null} keeps the environment's, else 0. */
    public Double getMaxCoverageDrop() {
        return maxCoverageDrop;
    }

    @DataBoundSetter
    public void setMaxCoverageDrop(Double maxCoverageDrop) {
        this.maxCoverageDrop = maxCoverageDrop;
    }

    /** Tests that must all pass, whatever the pass rate. */
    public List<RequiredTest> getRequiredTests() {
        return Collections.unmodifiableList(requiredTests);
    }

    @DataBoundSetter
    public void setRequiredTests(List<RequiredTest> requiredTests) {
        this.requiredTests = new ArrayList<>(requiredTests == null ? List.of() : requiredTests);
    }

    /** Stricter criticalities than the environment's, one per kind of criterion at most. */
    public List<CriterionCriticality> getCriticality() {
        return Collections.unmodifiableList(criticality);
    }

    @DataBoundSetter
    public void setCriticality(List<CriterionCriticality> criticality) {
        this.criticality = new ArrayList<>(criticality == null ? List.of() : criticality);
    }

    /** Points by which a threshold may be missed for an unstable rather than a failed gate; {@code null}: 0. */
    public Double getUnstableMargin() {
        return unstableMargin;
    }

    @DataBoundSetter
    public void setUnstableMargin(Double unstableMargin) {
        this.unstableMargin = unstableMargin;
    }

    /** Whether a gate that does not pass is let through (with {@link #getReason()}, which is recorded). */
    public boolean isForce() {
        return force;
    }

    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    /** Why the gate is forced; required with {@code force: true}, refused without it. */
    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = clean(reason);
    }

    /** {@code reports} (the default: the {@code tests} patterns) or {@code junit} (what the junit step recorded). */
    public String getTestResultsSource() {
        return testResultsSource;
    }

    @DataBoundSetter
    public void setTestResultsSource(String testResultsSource) {
        this.testResultsSource =
                GateTranslation.isBlank(testResultsSource) ? TestResultsSource.REPORTS.id() : testResultsSource.trim();
    }

    /**
     * Security findings report patterns (SARIF, Bandit, pip-audit, OSV-Scanner, gitleaks or
     * TruffleHog JSON), comma-separated, relative to the workspace.
     */
    public String getFindings() {
        return findings;
    }

    @DataBoundSetter
    public void setFindings(String findings) {
        this.findings = clean(findings);
    }

    /** Whether only findings a SARIF tool marked as new against its baseline count. */
    public boolean isNewFindingsOnly() {
        return newFindingsOnly;
    }

    @DataBoundSetter
    public void setNewFindingsOnly(boolean newFindingsOnly) {
        this.newFindingsOnly = newFindingsOnly;
    }

    /** This run's JMH or pytest-benchmark JSON result patterns, comma-separated. */
    public String getBenchmarks() {
        return benchmarks;
    }

    @DataBoundSetter
    public void setBenchmarks(String benchmarks) {
        this.benchmarks = clean(benchmarks);
    }

    /**
     * The application whose version running in the environment gives the benchmark baseline, when
     * no baseline files are given.
     */
    public String getApplication() {
        return application;
    }

    @DataBoundSetter
    public void setApplication(String application) {
        this.application = clean(application);
    }

    /** The baseline run's benchmark result patterns, comma-separated. */
    public String getBenchmarkBaseline() {
        return benchmarkBaseline;
    }

    @DataBoundSetter
    public void setBenchmarkBaseline(String benchmarkBaseline) {
        this.benchmarkBaseline = clean(benchmarkBaseline);
    }

    /** How many percent worse a benchmark may be beyond the noise; {@code null} means 10. */
    public Double getBenchmarkThreshold() {
        return benchmarkThreshold;
    }

    @DataBoundSetter
    public void setBenchmarkThreshold(Double benchmarkThreshold) {
        this.benchmarkThreshold = benchmarkThreshold;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, new GateSettings(this));
    }

    private static String clean(String text) {
        return text == null ? "" : text.trim();
    }

    /**
     * Runs the gate off the Pipeline's thread: the agent reads the reports, the controller records
     * and reports the verdict.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final GateSettings settings;

        Execution(StepContext context, GateSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            FilePath workspace = context.get(FilePath.class);
            PrintStream console = context.get(TaskListener.class).getLogger();
            GateInput input = input(run, context.get(EnvVars.class));
            String forcedBy = settings.force ? checkMayForce(run) : null;
            String[] judged = workspace.act(new GateCallable(input));
            String json = judged[0];
            GateReport report = GateReport.fromJson(json);
            report.consoleLines().forEach(console::println);
            if (judged[1] != null) {
                console.println(GateRecords.keep(judged[1], run.getExternalizableId()));
                // Gate records sit beside leases and notifications: a damaged one is said where the user looks.
                UnreadableFilesReport.of(DeployEngine.directory()).tell("genesisGate", console);
            }
            GateOutcome outcome = report.outcome();
            String forcer = outcome == GateOutcome.OVERRIDDEN ? forcedBy : null;
            run.addAction(new GateBuildAction(json, forcer));
            if (outcome == GateOutcome.OVERRIDDEN) {
                console.println(
                        String.format(Locale.ROOT, "  %-9s %s", "override", Messages.FORCED_BY.format(forcedBy)));
                context.get(FlowNode.class)
                        .addOrReplaceAction(new WarningAction(Result.UNSTABLE)
                                .withMessage(Messages.FORCED_WARNING.format(report.headline(), forcedBy)));
            }
            publish(run, context.get(TaskListener.class), GateCheck.of(report, forcer));
            switch (outcome.mark()) {
                case UNSTABLE -> mark(run, Result.UNSTABLE, report.headline());
                case FAILURE -> mark(run, Result.FAILURE, report.headline());
                case NONE -> {
                    // Passed, overridden, or about to fail the step: nothing to mark.
                }
            }
            if (outcome.failsTheStep()) {
                throw new AbortException(Messages.GATE_FAILED.format(report.headline()));
            }
            return report.toPipelineValue();
        }

        /**
         * Hands the verdict to every publication (the Checks API's where that plugin is installed).
         * A publication that fails says so in the console; the verdict stands.
         */
        private static void publish(Run<?, ?> run, TaskListener listener, GateCheck check) {
            for (GatePublication publication : JenkinsFacade.all(GatePublication.class)) {
                try {
                    publication.publish(run, listener, check);
                } catch (RuntimeException e) {
                    listener.getLogger().println(Messages.CHECK_NOT_PUBLISHED.format(e.getMessage()));
                }
            }
        }

        /**
         * Sets the build's result (a worse one only: Jenkins ignores a better one) and marks the
         * step's node, so stage views show the stage with that result, as the unstable step does.
         */
        private void mark(Run<?, ?> run, Result result, String headline) throws Exception {
            run.setResult(result);
            getContext().get(FlowNode.class).addOrReplaceAction(new WarningAction(result).withMessage(headline));
        }

        /**
         * The name of the build's identity, when it has the Force permission on the job. The step
         * runs as the build's authentication (SynchronousNonBlockingStepExecution carries the
         * Pipeline thread's identity over to its own thread), so the check is the build's, not
         * that of whoever edited the Jenkinsfile.
         */
        private static String checkMayForce(Run<?, ?> run) throws AbortException {
            String identity = JenkinsFacade.currentUserName();
            Job<?, ?> job = run.getParent();
            if (!job.hasPermission(GenesisPermissions.FORCE)) {
                throw new AbortException(Messages.USAGE_PROBLEM.format(
                        Messages.FORCE_NOT_PERMITTED.format(identity, job.getFullName())));
            }
            return identity;
        }

        /** Everything the agent needs, checked here so that a bad call never reaches an agent. */
        private GateInput input(Run<?, ?> run, EnvVars variables) throws AbortException {
            try {
                Environment target = GenesisConfiguration.get().toPolicy().named(settings.environment);
                JUnitTotals junit = TestResultsSource.named(settings.testResultsSource) == TestResultsSource.JUNIT
                        ? recordedTests(run)
                        : null;
                GateInput input = new GateInput(
                        settings,
                        EnvironmentGate.of(target),
                        junit,
                        GateRecords.commit(variables == null ? null : variables.get("GIT_COMMIT")),
                        GateRecords.baseline(settings, target.name()));
                GateTranslation.validate(input);
                return input;
            } catch (IllegalArgumentException e) {
                throw new AbortException(Messages.USAGE_PROBLEM.format(e.getMessage()));
            }
        }

        @SuppressWarnings("rawtypes")
        private static JUnitTotals recordedTests(Run<?, ?> run) {
            List<JUnitTotals.Recorded> recorded = new ArrayList<>();
            for (AbstractTestResultAction action : run.getActions(AbstractTestResultAction.class)) {
                recorded.add(new JUnitTotals.Recorded(
                        action.getClass().getName(),
                        action.getTotalCount(),
                        action.getFailCount(),
                        action.getSkipCount()));
            }
            return JUnitTotals.of(recorded);
        }
    }

    /** The step's name, context and form. */
    @Extension
    @Symbol("genesisGate")
    public static final class DescriptorImpl extends StepDescriptor {

        /** Loads Genesis' permissions with the step, so that the permission matrix lists them from the start. */
        public DescriptorImpl() {
            GenesisPermissions.register();
        }

        @Override
        public String getFunctionName() {
            return "genesisGate";
        }

        @Override
        public String getDisplayName() {
            return Messages.STEP_DISPLAY_NAME.format();
        }

        /** The build, its console, the node the step runs as, and a workspace on an agent. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class, FlowNode.class);
        }

        @POST
        public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkEnvironment(
                    value, GenesisConfiguration.get().toPolicy()));
        }

        @POST
        public FormValidation doCheckTests(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPatterns(value));
        }

        @POST
        public FormValidation doCheckCoverageReports(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPatterns(value));
        }

        @POST
        public FormValidation doCheckFindings(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPatterns(value));
        }

        @POST
        public FormValidation doCheckBenchmarks(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPatterns(value));
        }

        @POST
        public FormValidation doCheckBenchmarkBaseline(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPatterns(value));
        }

        @POST
        public FormValidation doCheckBenchmarkThreshold(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPercentage("benchmarkThreshold", value));
        }

        @POST
        public FormValidation doCheckMinPassRate(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPercentage("minPassRate", value));
        }

        @POST
        public FormValidation doCheckMinCoverage(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPercentage("minCoverage", value));
        }

        @POST
        public FormValidation doCheckBaselineCoverage(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPercentage("baselineCoverage", value));
        }

        @POST
        public FormValidation doCheckMaxCoverageDrop(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPoints("maxCoverageDrop", value));
        }

        @POST
        public FormValidation doCheckUnstableMargin(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkPoints("unstableMargin", value));
        }

        @POST
        public FormValidation doCheckReason(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter boolean force) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkReason(value, force));
        }

        @POST
        public ListBoxModel doFillTestResultsSourceItems(@AncestorInPath Item item) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            ListBoxModel items = new ListBoxModel();
            for (TestResultsSource source : TestResultsSource.values()) {
                items.add(source.displayName(), source.id());
            }
            return items;
        }
    }
}
