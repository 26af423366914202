package io.genesis.cli;

import io.genesis.core.approval.Actor;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.sources.MetricSources;
import io.genesis.core.policy.Environment;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchRequest;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchThresholds;
import io.genesis.core.watch.WatchTuning;
import io.genesis.core.watch.WatchVerdict;
import io.genesis.core.watch.Watcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genesis monitor}: watches the version running in an application's environment in the
 * foreground, one line per sample and incident, and exits with the verdict; a critical incident
 * rolls the deploying rollout back (docs/monitor.md). Its window, sample interval and metric source
 * follow core's {@link WatchTuning}, as {@code genesisMonitor} in Jenkins does: the environment's
 * {@code watchHours} unless a longer {@code --for} is asked for, and a protected environment's
 * configured source kept.
 */
@Command(
        name = "monitor",
        sortOptions = false,
        description = {
            "Watches the version that runs now in an application's environment for the environment's watch window"
                    + " (watchHours, or a longer --for), sampling the environment's configured metric source (or the"
                    + " one given, or the deploying rollout's), and rolls that rollout back on a critical incident.",
            "Runs in the foreground with a line per sample and incident, and exits with the verdict."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:HEALTHY",
            "1:ROLLED_BACK",
            ExitCodeText.USAGE
                    + " (nothing deployed to watch, a --for shorter than the environment's window, a metric source that"
                    + " would replace a protected environment's configured one)",
            "3:INCONCLUSIVE (no data to judge), SUPERSEDED or STOPPED",
            ExitCodeText.INTERNAL
        })
final class MonitorCommand implements Callable<Integer> {

    /** The tuning's fields as this command's options. */
    private static final UnaryOperator<String> OPTIONS = field -> switch (field) {
        case "window" -> "--for";
        case "sampleInterval" -> "--sample-interval";
        default -> "--" + field;
    };

    private final Host host;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ApplicationOption application;

    @Option(names = "--environment", required = true, paramLabel = "NAME", description = "The environment.")
    String environment;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            description = "How long to watch, such as 72h: the environment's watchHours if left out; never shorter.")
    String window;

    @Option(
            names = "--sample-interval",
            paramLabel = "DURATION",
            description = "How often to sample (default: the rollout's, 30s unless it was tuned).")
    String sampleInterval;

    @Mixin
    MetricSourceOptions metrics;

    @Mixin
    PolicyOption policy = new PolicyOption();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The checkout's environments file, which may only tighten the trusted policy (default:"
                    + " genesis.yaml here if present).")
    Path config;

    @Mixin
    StateDirOption state;

    MonitorCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigFile.Contents configuration;
        Environment env;
        WatchTuning tuning = new WatchTuning(window, sampleInterval, null);
        try {
            configuration = ConfigFile.contents(policy.file, config, Path.of(""));
            env = configuration.environments().named(environment);
            // Checked before anything is read, so a bad value is told at once.
            tuning.window(env, OPTIONS);
            tuning.thresholds(AnalysisThresholds.defaults(), configuration.watchThresholds(env.name()), OPTIONS);
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("genesis monitor: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        DeploymentKey key = new DeploymentKey(application.name, env.name());
        Progress progress = new Progress(out, host.clock());
        ConfigFile.Contents freezes = configuration;
        try (TargetKinds kinds = host.targetKinds();
                Engine engine = Engine.builder(state.dir(), host, kinds, err)
                        .listener(progress)
                        .notifications(Notify.targetsOrNone(progress::line))
                        // A rollout this process carries on is held at promotion by the same windows as at its start.
                        .freezes(k -> freezes.freeze(k.environment()))
                        .build()) {
            kinds.reportTo(progress::line);
            StateReading.of(engine.dir(), host.clock()).warn("genesis monitor", err);
            Optional<DeploymentRecord> running = engine.history().running(key);
            Optional<RolloutState> rollout =
                    running.flatMap(r -> engine.states().load(RolloutId.of(r.id())));
            if (rollout.isEmpty()) {
                err.println("genesis monitor: nothing of " + key + " runs according to " + engine.dir()
                        + "; deploy it first with 'genesis deploy'");
                return ExitCode.USAGE.code();
            }
            if (engine.kindOf(rollout.get()).map(TargetKind::livesInProcess).orElse(false)) {
                err.println("genesis monitor: " + key + " ran on a "
                        + rollout.get().request().target().kind()
                        + " inside the genesis process that deployed it, which has ended; nothing is left to watch");
                return ExitCode.USAGE.code();
            }
            WatchRequest request;
            try {
                request = request(key, env, tuning, configuration, rollout.get());
            } catch (IllegalArgumentException e) {
                err.println("genesis monitor: " + e.getMessage());
                return ExitCode.USAGE.code();
            }
            Watcher watcher = EngineWatcher.of(engine, host, event -> progress.line(event.message()));
            WatchId id = watcher.start(request);
            WatchState ended = until(watcher, id, host);
            out.println(
                    "genesis monitor: " + key + " version " + request.version().value() + " "
                            + ended.outcome().verdict() + ": " + ended.outcome().reason());
            return exitCode(ended.outcome().verdict()).code();
        }
    }

    /** The watch core's rules give: the command line's source, else the environment's, else the rollout's. */
    private WatchRequest request(
            DeploymentKey key,
            Environment env,
            WatchTuning tuning,
            ConfigFile.Contents configuration,
            RolloutState rollout) {
        String version = rollout.request().version().value();
        MetricSpec source = WatchTuning.source(
                env,
                metrics.spec(rollout.request().version()),
                configuration.metrics(env.name()).map(spec -> MetricSources.forVersion(spec, version)),
                Optional.ofNullable(rollout.request().metrics()));
        Optional<WatchThresholds> configured = configuration.watchThresholds(env.name());
        WatchRequest request = WatchRequest.of(
                key,
                rollout.request().version(),
                rollout.id().value(),
                source,
                tuning.thresholds(rollout.request().analysis(), configured, OPTIONS),
                tuning.window(env, OPTIONS),
                Actor.describe(host.user(), host.user()));
        return configured
                .map(set -> request.withRecoverySamples(set.recoverySamples()))
                .orElse(request);
    }

    static WatchState until(Watcher watcher, WatchId id, Host host) throws InterruptedException {
        while (true) {
            WatchState state = watcher.view(id).orElseThrow();
            if (state.ended()) {
                return state;
            }
            Thread.sleep(host.pollInterval().toMillis());
        }
    }

    static ExitCode exitCode(WatchVerdict verdict) {
        return switch (verdict) {
            case HEALTHY -> ExitCode.PASSED;
            case ROLLED_BACK -> ExitCode.FAILED;
            case INCONCLUSIVE, SUPERSEDED, STOPPED -> ExitCode.UNSTABLE;
        };
    }
}
