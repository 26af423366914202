package io.genesis.cli;

import io.genesis.core.approval.Actor;
import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.sources.MetricSources;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.Durations;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchRequest;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchVerdict;
import io.genesis.core.watch.Watcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genesis monitor}: watches the version running in an application's environment in the
 * foreground, one line per sample and incident, and exits with the verdict; a critical incident
 * rolls the deploying rollout back (docs/monitor.md).
 */
@Command(
        name = "monitor",
        sortOptions = false,
        description = {
            "Watches the version that runs now in an application's environment for --for, sampling the metric"
                    + " source of the rollout that deployed it (or the one given), and rolls that rollout back on a"
                    + " critical incident.",
            "Runs in the foreground with a line per sample and incident, and exits with the verdict."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:HEALTHY",
            "1:ROLLED_BACK",
            "2:bad usage, or nothing deployed to watch",
            "3:INCONCLUSIVE (no data to judge), SUPERSEDED or STOPPED",
            "4:an internal error (a bug: please report it)"
        })
final class MonitorCommand implements Callable<Integer> {

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
            required = true,
            paramLabel = "DURATION",
            description = "How long to watch, such as 48h or 30m.")
    String window;

    @Option(
            names = "--sample-interval",
            paramLabel = "DURATION",
            description = "How often to sample (default: the rollout's, 30s unless it was tuned).")
    String sampleInterval;

    @Mixin
    MetricSourceOptions metrics;

    @Mixin
    StateDirOption state;

    MonitorCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeploymentKey key;
        Duration length;
        Optional<Duration> interval;
        try {
            key = new DeploymentKey(application.name, environment);
            length = Durations.parse("--for", window);
            interval = Optional.ofNullable(sampleInterval).map(text -> Durations.parse("--sample-interval", text));
        } catch (IllegalArgumentException e) {
            err.println("genesis monitor: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        Progress progress = new Progress(out, host.clock());
        try (TargetKinds kinds = host.targetKinds();
                Engine engine = Engine.builder(state.dir(), host, kinds, err)
                        .listener(progress)
                        .notifications(Notify.targetsOrNone(progress::line))
                        .build()) {
            kinds.reportTo(progress::line);
            Optional<DeploymentRecord> running =
                    CurrentDeployments.of(engine.history()).at(key);
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
                request = request(key, rollout.get(), length, interval);
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

    private WatchRequest request(
            DeploymentKey key, RolloutState rollout, Duration length, Optional<Duration> interval) {
        MetricSpec source = metrics.spec(rollout.request().version())
                .or(() -> environmentSource(key, rollout))
                .or(() -> Optional.ofNullable(rollout.request().metrics()))
                .orElseThrow(() -> new IllegalArgumentException("rollout " + rollout.id()
                        + " named no metric source; give one with --prometheus or --probe-url"));
        AnalysisThresholds thresholds = rollout.request().analysis();
        if (interval.isPresent()) {
            thresholds = thresholds.withSampleInterval(interval.get());
        }
        return WatchRequest.of(
                key,
                rollout.request().version(),
                rollout.id().value(),
                source,
                thresholds,
                length,
                Actor.describe(host.user(), host.user()));
    }

    /** The environment's {@code metrics:} in the policy (the trusted file, tightened by ./genesis.yaml), if any. */
    private static Optional<MetricSpec> environmentSource(DeploymentKey key, RolloutState rollout) {
        try {
            return ConfigFile.contents(null, null, Path.of(""))
                    .metrics(key.environment())
                    .map(spec -> MetricSources.forVersion(
                            spec, rollout.request().version().value()));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
