package io.genesis.cli;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.hook.Hook;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.sources.MetricSources;
import io.genesis.core.notify.NotificationTargets;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.promotion.FreezeCheck;
import io.genesis.core.promotion.PromotionCheck;
import io.genesis.core.promotion.PromotionRefusedException;
import io.genesis.core.rollout.CommitTime;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRefusedException;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutTuning;
import io.genesis.core.rollout.Stage;
import io.genesis.core.rollout.plan.Capabilities;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.rollout.plan.PlanValidator;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.rollout.plan.Strategies;
import io.genesis.core.rollout.plan.StrategySettings;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.target.VersionRule;
import io.genesis.core.time.Durations;
import io.genesis.core.watch.FileWatchStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genesis deploy}: rolls one version of an application out to one environment and stays until the
 * rollout has ended, printing each step as it happens.
 */
@Command(
        name = "deploy",
        sortOptions = false,
        description = {
            "Rolls a version out with a strategy (blueGreen, canary, rolling, or your own --steps), analysing real"
                    + " measurements after each traffic shift and rolling back automatically on a breach.",
            "The rollout is stored under --state-dir before every step; this command stays until it has ended."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the rollout succeeded: the version is live",
            "1:the rollout was rolled back or failed: the version is not live",
            ExitCodeText.USAGE
                    + " (an unknown environment, strategy or target, an invalid plan, a ref that may not deploy there,"
                    + " approval needed but nobody to give it, an unreachable cluster, a version that has not passed the"
                    + " environments required first (docs/promotion.md))",
            "3:the rollout was aborted before it touched anything (approval rejected or timed out, superseded,"
                    + " cancelled)",
            ExitCodeText.INTERNAL
        })
final class DeployCommand implements Callable<Integer> {

    private final Host host;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ApplicationOption application;

    @Option(
            names = "--environment",
            required = true,
            paramLabel = "NAME",
            description = "The environment, such as staging or production (from --policy, --config or genesis.yaml).")
    String environment;

    @Option(
            names = "--strategy",
            paramLabel = "NAME",
            description = "blueGreen (default), canary, rolling, or custom (the default with --steps).")
    String strategy;

    @Option(
            names = "--steps",
            paramLabel = "STEPS",
            description = "Your own plan, such as 'deploy; smoke; weight 20; analyse 30s; weight 100; promote;"
                    + " scaleDown'.")
    String steps;

    @Option(
            names = "--shifts",
            paramLabel = "SHIFTS",
            description = "blueGreen or canary with your own traffic shifts: weight:analysis window, such as"
                    + " '10:30s, 50:30s, 100:1m' (a shift without a window moves on at once).")
    String shifts;

    @Option(
            names = "--keep-previous",
            paramLabel = "DURATION",
            description = "How long blueGreen keeps the previous version for instant rollback (default 24h).")
    String keepPrevious;

    @Option(
            names = "--max-surge",
            paramLabel = "PERCENT",
            description = "rolling: how many instances above the desired count a batch may add (default 25).")
    String maxSurge;

    @Option(
            names = "--max-unavailable",
            paramLabel = "PERCENT",
            description = "rolling: how many instances may be unavailable during a batch (default 0).")
    String maxUnavailable;

    @Option(
            names = "--target",
            paramLabel = "KIND",
            description = "Where to deploy: kubernetes (a cluster), or sandbox (local versions behind a weighted"
                    + " proxy, in this process). Default: the environment's target in genesis.yaml.")
    String target;

    @Option(
            names = "--target-option",
            paramLabel = "KEY=VALUE",
            description = "A setting of the target, such as stable=1.2.0 for the sandbox or activeService=web for"
                    + " kubernetes; overrides the environment's target in genesis.yaml. Repeatable.")
    Map<String, String> targetOptions = new LinkedHashMap<>();

    @ArgGroup(exclusive = false, heading = "%nKubernetes target (--target kubernetes):%n")
    KubernetesOptions kubernetes;

    @Option(
            names = "--version",
            paramLabel = "VERSION",
            description = "The version people see (default: from --tag v1.2.3, else dev-<commit>).")
    String version;

    @Option(
            names = "--commit",
            paramLabel = "SHA",
            description = "The commit deployed (default: git rev-parse HEAD in the working directory).")
    String commit;

    @Option(names = "--ref", paramLabel = "BRANCH", description = "The branch the build came from (default: main).")
    String branch;

    @Option(names = "--tag", paramLabel = "TAG", description = "The tag the build came from, such as v1.3.0.")
    String tag;

    @Mixin
    StateDirOption state;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The checkout's environments file, which may only tighten the trusted policy (default:"
                    + " genesis.yaml here if present).")
    Path config;

    @Mixin
    PolicyOption policy = new PolicyOption();

    @Option(
            names = "--approve-as",
            paramLabel = "USER",
            description = "Approve as this user when the environment requires approval (after its wait timer).")
    String approveAs;

    @Option(
            names = "--approver-group",
            paramLabel = "GROUP",
            description = "A group the approver belongs to. Repeatable.")
    List<String> approverGroups = new ArrayList<>();

    @Option(
            names = "--as-administrator",
            description = "The approver is an administrator (the only ones who may approve where nobody is named).")
    boolean administrator;

    @Option(names = "--initiator", paramLabel = "NAME", description = "Who starts the rollout (default: your user).")
    String initiator;

    @Option(
            names = "--build",
            paramLabel = "TEXT",
            description = "The build that produced the version, for the record.")
    String build;

    @Option(
            names = "--build-date",
            paramLabel = "INSTANT",
            description = "When that build ran, such as 2026-12-07T06:00:00Z (the 'buildDate' of 'genesis version"
                    + " --json'), for the record.")
    String buildDate;

    @Option(
            names = "--commit-time",
            paramLabel = "TIME",
            // No per-cent sign here: picocli formats option texts (git's own spelling is in docs/cli.md).
            description = "When the commit was made, ISO-8601 with its offset, such as 2026-12-07T06:00:00+01:00 (the"
                    + " strict ISO committer date 'git show' prints): where the record's DORA lead time starts."
                    + " Default: git's answer for the commit in the working directory's checkout, if it knows the"
                    + " commit.")
    String commitTime;

    @Option(
            names = "--tag-pattern",
            paramLabel = "REGEX",
            description = "Release tags for the default version: a regular expression matching the whole --tag, whose"
                    + " one group is the version (default: v1.2.3 gives 1.2.3; as for 'genesis version').")
    String tagPattern;

    @Mixin
    MetricSourceOptions metricSources;

    @Option(
            names = "--sample-interval",
            paramLabel = "DURATION",
            description = "How often analysis samples the metrics, such as 30s (default) or 5s.")
    String sampleInterval;

    @Option(
            names = "--health-timeout",
            paramLabel = "DURATION",
            description = "How long the candidate may take to be healthy (and traffic shifts and promotion to take"
                    + " effect) before its step fails and the rollout rolls back, such as 30s; at most the environment's"
                    + " healthDeadlineMinutes (default: that, 10m unless genesis.yaml says otherwise). While it waits, a"
                    + " line every 5 s says what is probed and its last answer.")
    String healthTimeout;

    @Option(
            names = "--on-inconclusive",
            paramLabel = "ACTION",
            description = "What a sample without data does: pause (default; you are asked, or it rolls back without"
                    + " a terminal), fail, or roll-back.")
    String onInconclusive;

    @Option(
            names = "--force",
            description = "Deploy a version that has not passed the environments required first (the promotion"
                    + " path), or during a freeze window; needs --reason, which the record keeps.")
    boolean force;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description = "Why --force bypasses the promotion path or a freeze.")
    String reason;

    @Mixin
    HookOptions hookOptions = new HookOptions();

    @Option(names = "--json", description = "Print the deployment record as one JSON object; progress goes to stderr.")
    boolean json;

    @Option(
            names = "--watch",
            description = "After a successful rollout, run the environment's post-deploy watch (watchHours) here in"
                    + " the foreground and exit with its verdict, instead of registering it for 'genesis serve'."
                    + " A sandbox, which ends with this process, is watched only with --watch.")
    boolean watch;

    DeployCommand(Host host) {
        this.host = host;
    }

    /** Everything the command line asked for, read and checked before anything starts. */
    private record Inputs(
            ConfigFile.Contents configuration,
            Environment environment,
            DeploymentKey key,
            SourceRef ref,
            String commit,
            Version version,
            String strategy,
            StrategySettings settings,
            AnalysisThresholds analysis,
            Approvals approvals,
            Duration progressDeadline,
            List<Hook> hooks,
            Committed committed) {}

    /**
     * The commit's time for the record, or why there is none ({@code missing}, said once in the output).
     *
     * @param time the committer date, or {@code null}
     * @param missing why it is not known; empty when it is
     */
    private record Committed(Instant time, String missing) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter log = json ? err : out;
        Inputs inputs;
        TargetKinds kinds = host.targetKinds();
        try (kinds) {
            TargetChoice choice;
            Map<String, String> settings;
            NotificationTargets notify;
            HistoryStores history;
            try {
                inputs = inputs();
                notify = Notify.targets(policy.file, config, Path.of(""));
                choice = TargetChoice.of(
                        target,
                        inputs.configuration(),
                        inputs.environment().name(),
                        targetOptions,
                        KubernetesKind.NAME,
                        kubernetes == null ? Map.of() : kubernetes.settings(),
                        kinds);
                settings = choice.kind().withStrategy(inputs.strategy(), choice.settings());
                choice.kind().check(inputs.key(), settings);
                history = HistoryStores.of(policy.file, config, state.dir(), kinds);
            } catch (ConfigException | IllegalArgumentException e) {
                err.println("genesis deploy: " + e.getMessage());
                return ExitCode.USAGE.code();
            }
            Progress progress = new Progress(log, host.clock());
            choice.notes().forEach(note -> progress.line("note: " + note));
            kinds.reportTo(progress::line);
            try (Engine engine = Engine.builder(state.dir(), host, kinds, err)
                    .approver(inputs.approvals())
                    .listener(progress)
                    .samples(progress::sampled, inputs.analysis())
                    .progressDeadline(inputs.progressDeadline())
                    .say(progress::line)
                    .notifications(notify)
                    .history(history)
                    .freezes(key -> inputs.configuration().freeze(key.environment()))
                    .build()) {
                return deploy(engine, choice.kind(), settings, inputs, progress, out, err);
            }
        }
    }

    private int deploy(
            Engine engine,
            TargetKind kind,
            Map<String, String> settings,
            Inputs inputs,
            Progress progress,
            PrintWriter out,
            PrintWriter err)
            throws InterruptedException {
        StateReading.of(engine.dir(), host.clock()).warn("genesis deploy", err);
        engine.endOrphans(progress::line);
        progress.line("genesis deploy: " + inputs.key().application() + " " + inputs.version() + " to "
                + inputs.key().environment() + " with " + inputs.strategy() + " on " + kind.name() + "; state in "
                + engine.dir());
        if (!inputs.committed().missing().isEmpty()) {
            progress.line("note: " + inputs.committed().missing());
        }
        RolloutId id;
        try {
            List<String> overrides = new ArrayList<>();
            new FreezeCheck(host.clock())
                    .check(
                            inputs.environment(),
                            inputs.configuration().freeze(inputs.key().environment()),
                            force,
                            reason,
                            "--force",
                            "--reason")
                    .ifPresent(overrides::add);
            Optional<String> bypass = new PromotionCheck(
                            engine.history(),
                            host.clock(),
                            engine.dir().gateRecords(),
                            new FileWatchStore(engine.dir().watchDir()))
                    .check(
                            inputs.environment(),
                            inputs.key().application(),
                            inputs.version().value(),
                            inputs.commit(),
                            force,
                            reason,
                            "--force",
                            "--reason");
            bypass.ifPresent(overrides::add);
            overrides.forEach(note -> progress.line("note: " + note));
            TargetSpec targetSpec = kind.newTarget(inputs.key(), inputs.version(), settings, progress::line);
            // The command line's source, else the environment's in the policy (metrics:), else the target's own.
            Optional<MetricSpec> metrics = metricSources
                    .spec(inputs.version())
                    .or(() -> inputs.configuration()
                            .metrics(inputs.environment().name())
                            .map(spec -> MetricSources.forVersion(
                                    spec, inputs.version().value())))
                    .or(() -> kind.metricsFor(inputs.key(), targetSpec));
            if (metrics.isEmpty()) {
                requireNoAnalysis(inputs, kind, engine.kinds().open(inputs.key(), targetSpec));
            }
            List<String> warnings = kind.warnings(targetSpec);
            warnings.forEach(warning -> progress.line("warning: " + warning));
            RolloutRequest request = request(inputs, targetSpec, metrics, warnings, overrides);
            // The target's lock is the first thing a rollout needs: read it before anything is stored, so an
            // unreachable cluster refuses the deploy rather than leaving a queued rollout behind.
            kind.lock(targetSpec).ifPresent(lock -> lock.current(inputs.key()));
            id = engine.orchestrator().submit(request);
        } catch (TargetException e) {
            discardUnstarted(engine, inputs.key());
            err.println("genesis deploy: could not start: " + e.getMessage()
                    + "; nothing was started or left behind: run the command again once the target answers");
            return ExitCode.USAGE.code();
        } catch (RolloutRefusedException | PromotionRefusedException | IllegalArgumentException e) {
            err.println("genesis deploy: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        Thread stopper = kind.livesInProcess() ? rollBackOnStop(engine, id, progress) : null;
        RolloutState ended;
        try {
            ended = new Watch(engine, host, progress, inputs.approvals()).untilEnded(id);
        } finally {
            if (stopper != null) {
                removeHook(stopper);
            }
        }
        DeploymentRecord record = engine.history()
                .find(id.value())
                .orElseThrow(() -> new IllegalStateException("rollout " + id + " ended without a record"));
        report(record, ended, engine, out);
        if (inputs.approvals().refusal().isPresent()) {
            return ExitCode.USAGE.code();
        }
        return new DeployWatch(engine, host, progress)
                .after(
                        ended,
                        inputs.environment(),
                        kind,
                        watch,
                        ExitCode.of(record.status()).code(),
                        inputs.configuration()
                                .watchThresholds(inputs.environment().name()));
    }

    /**
     * Removes what a submit that failed on the target left: this engine's queued rollouts of {@code key},
     * which touched nothing and which nothing would ever end.
     */
    private static void discardUnstarted(Engine engine, DeploymentKey key) {
        engine.states().list().stream()
                .filter(s -> s.stage() == Stage.QUEUED
                        && s.request().key().equals(key)
                        && s.owner().equals(engine.owner().name()))
                .forEach(s -> engine.states().discardUnstarted(s.id()));
    }

    private void report(DeploymentRecord record, RolloutState ended, Engine engine, PrintWriter out) {
        if (json) {
            out.println(RecordText.json(record));
            return;
        }
        out.println("genesis deploy: " + record.application() + " " + record.version() + " to " + record.environment()
                + " " + record.status() + " after " + RecordText.took(record) + ": " + RecordText.reason(record));
        RecordText.restoreTime(record, out);
        if (ended.cleanup() != null && !ended.cleanup().done()) {
            out.println("  the previous version is kept until "
                    + RecordText.time(ended.cleanup().dueAt())
                    + " for instant rollback"
                    + (engine.kindOf(ended).map(TargetKind::livesInProcess).orElse(false)
                            ? "; it stops with this process, as the whole sandbox does"
                            : " ('genesis rollback' switches back to it); this command does not stay to scale it"
                                    + " down: the next deploy of " + record.application() + " to "
                                    + record.environment() + " from this state directory does"));
        }
        out.println("  rollout " + record.id() + "; record in " + engine.dir().historyFile());
    }

    /**
     * A target kind without a metric source of its own (Kubernetes, for now) cannot analyse: every
     * sample would be inconclusive, which never counts as healthy, so such a plan could only halt or
     * roll back. It is refused before anything is touched, with the plans that would work.
     */
    private static void requireNoAnalysis(Inputs inputs, TargetKind kind, DeploymentTarget target) {
        Plan plan = Strategies.named(inputs.strategy(), inputs.settings()).plan(Capabilities.of(target));
        Optional<Step> analysis =
                plan.steps().stream().filter(Step.Analyse.class::isInstance).findFirst();
        if (analysis.isPresent()) {
            throw new IllegalArgumentException("the " + inputs.strategy() + " plan analyses metrics ("
                    + analysis.get().describe() + "), but the " + kind.name()
                    + " target has no metric source of its own: every sample would be inconclusive, which never"
                    + " counts as healthy, so the rollout could only halt or roll back (--on-inconclusive). Give"
                    + " one with --prometheus or --probe-url (such as the preview Service's health endpoint) or metrics: in the"
                    + " environment's policy, or roll out"
                    + " without analysis: --strategy rolling, or --steps without analyse steps, such as"
                    + " 'deploy; smoke; promote; scaleDown 24h'");
        }
    }

    private Inputs inputs() throws ConfigException {
        if (branch != null && tag != null) {
            throw new IllegalArgumentException("--ref and --tag exclude each other: a build comes from one of them");
        }
        ConfigFile.Contents configuration = ConfigFile.contents(policy.file, config, Path.of(""));
        Environment env = configuration.environments().named(environment);
        DeploymentKey key = new DeploymentKey(application.name, env.name());
        SourceRef ref = tag != null ? SourceRef.tag(tag) : SourceRef.branch(branch == null ? "main" : branch);
        String sha = commit != null
                ? Version.requireCommit(commit)
                : Git.head(host.checkout())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "--commit is needed: the working directory is not a git checkout git can read"));
        VersionRule rule = tagPattern == null ? VersionRule.DEFAULT : VersionRule.parse(tagPattern);
        Version shown = version != null ? new Version(version) : rule.resolve(ref, sha);
        builtAt();
        Committed committed = committed(sha);
        RolloutTuning.Checked tuning = new RolloutTuning(
                        strategy, steps, shifts, keepPrevious, maxSurge, maxUnavailable, sampleInterval, onInconclusive)
                .check(RolloutTuning.CLI);
        // The plan's own rules (weights rise to 100 %, durations positive, promote last) hold on any target:
        // check them before a target starts, as the target's own limits are checked once it is open.
        Capabilities anyTarget = new Capabilities("the target", true, true);
        PlanValidator.requireValid(
                Strategies.named(tuning.strategy(), tuning.settings()).plan(anyTarget), anyTarget);
        metricSources.spec(shown);
        Approvals approvals = new Approvals(
                Optional.ofNullable(approveAs),
                new LinkedHashSet<>(approverGroups),
                administrator,
                host.prompter(),
                host.user(),
                host.clock());
        boolean asks = env.approval().required() || tuning.asksForApproval();
        if (asks && !approvals.available()) {
            throw new IllegalArgumentException(env.name() + " requires approval ("
                    + (env.approval().administratorsOnly()
                            ? "administrators only, as nobody is named"
                            : "approvers: " + String.join(", ", env.approval().approvers())
                                    + (env.approval().approverGroups().isEmpty()
                                            ? ""
                                            : "; groups: "
                                                    + String.join(
                                                            ", ", env.approval().approverGroups())))
                    + "), and nobody can give it here: pass --approve-as USER"
                    + (env.approval().administratorsOnly() ? " --as-administrator" : "")
                    + ", or run genesis in a terminal to be asked");
        }
        // The environment's health deadline, which a deploy may shorten but not lengthen (one rule, in core).
        Duration deadline = env.healthDeadlineFor(
                Optional.ofNullable(healthTimeout).map(text -> Durations.parse("--health-timeout", text)),
                "--health-timeout");
        return new Inputs(
                configuration,
                env,
                key,
                ref,
                sha,
                shown,
                tuning.strategy(),
                tuning.settings(),
                tuning.analysis(),
                approvals,
                deadline,
                hooks(configuration, env),
                committed);
    }

    /**
     * {@code --commit-time}, checked; else what git in the checkout says of {@code sha}. A checkout that does
     * not know the commit (or no git) is no error: the record then has no commit time, and the DORA lead time
     * starts at the build date, which the report counts apart.
     */
    private Committed committed(String sha) {
        if (commitTime != null) {
            return new Committed(CommitTime.parse("--commit-time", commitTime), "");
        }
        try {
            return new Committed(Git.commitTime(host.checkout(), sha), "");
        } catch (Git.GitException e) {
            return new Committed(
                    null,
                    "no commit time for the record (" + e.getMessage() + "); its DORA lead time starts at the build"
                            + " date (--build-date) if given, else it is left out: pass --commit-time to give it");
        }
    }

    /** The environment's hooks from the policy files, then the command line's. */
    private List<Hook> hooks(ConfigFile.Contents configuration, Environment env) {
        List<Hook> hooks = new ArrayList<>(configuration.hooks(env.name()));
        hooks.addAll(hookOptions.hooks(env.gate().minPassRate()));
        return hooks;
    }

    /** {@code --build-date}, checked; {@code null} when not given. */
    private Instant builtAt() {
        if (buildDate == null) {
            return null;
        }
        try {
            return Instant.parse(buildDate.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--build-date '" + buildDate + "' is not an instant; write it as"
                    + " 2026-12-07T06:00:00Z (UTC), as 'genesis version --json' prints it");
        }
    }

    private RolloutRequest request(
            Inputs inputs,
            TargetSpec targetSpec,
            Optional<MetricSpec> metrics,
            List<String> warnings,
            List<String> overrides) {
        RolloutRequest.Builder builder = RolloutRequest.builder(application.name, inputs.environment())
                .commit(inputs.commit())
                .ref(inputs.ref())
                .version(inputs.version())
                .strategy(inputs.strategy())
                .strategySettings(inputs.settings())
                .target(targetSpec)
                .analysis(inputs.analysis())
                .initiator(initiator != null ? initiator : host.user())
                .initiatorAccount(host.user())
                .fromBuild(build == null ? "" : build)
                .healthDeadline(Optional.of(inputs.progressDeadline()), "--health-timeout")
                .buildDate(builtAt())
                .commitTime(inputs.committed().time())
                .freezeOverride(FreezeCheck.promotionOverride(inputs.environment(), force, reason));
        metrics.ifPresent(builder::metrics);
        warnings.forEach(warning -> builder.note("warning: " + warning));
        overrides.forEach(builder::note);
        inputs.hooks().forEach(builder::hook);
        return builder.build();
    }

    /**
     * A target inside this process dies with it: when the process is stopped (Ctrl-C, a termination
     * signal), roll the rollout back first, so its record says what happened and its key is free.
     */
    private Thread rollBackOnStop(Engine engine, RolloutId id, Progress progress) {
        Thread hook = new Thread(
                () -> {
                    try {
                        Optional<RolloutState> state = engine.states().load(id);
                        if (state.isEmpty() || state.get().stage() == Stage.DONE) {
                            return;
                        }
                        progress.line("stopping: rolling back before the process ends");
                        engine.orchestrator().rollback(id, "the genesis deploy process was stopped", host.user());
                        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
                        while (Instant.now().isBefore(deadline)
                                && engine.states()
                                                .load(id)
                                                .map(RolloutState::stage)
                                                .orElse(Stage.DONE)
                                        != Stage.DONE) {
                            Thread.sleep(100);
                        }
                    } catch (RuntimeException | InterruptedException e) {
                        // The process is ending either way; the next command ends what is left.
                    }
                },
                "genesis-deploy-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it finds the rollout ended and does nothing.
        }
    }
}
