package io.genesis.cli;

import io.genesis.core.approval.Actor;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.Watcher;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genesis stop-watch}: a person ends the running post-deploy watch of an application's environment
 * as {@code STOPPED}, recorded with who and why (core's {@link Watcher#stop}). The watch may run in this
 * state directory's {@code genesis serve}, a foreground {@code genesis monitor} or {@code genesis deploy
 * --watch}, or nowhere yet: the stop is stored beside it, and the process running it ends it at its next
 * wake-up; one that nobody runs ends here and now.
 */
@Command(
        name = "stop-watch",
        sortOptions = false,
        description = {
            "Stops the running post-deploy watch of an application's environment (or only the one of --version),"
                    + " recording who stopped it and why; no rollback follows.",
            "The process that runs the watch (genesis serve, genesis monitor) ends it at its next sample or poll;"
                    + " a watch nobody runs ends at once."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped, or the stop is stored for the process that runs the watch",
            ExitCodeText.USAGE + " (no running watch to stop, a blank --reason)",
            ExitCodeText.INTERNAL
        })
final class StopWatchCommand implements Callable<Integer> {

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
            names = "--version",
            paramLabel = "VERSION",
            description = "Only the watch of this version (default: every running watch of the environment).")
    String version;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; it goes into the record.")
    String reason;

    @Option(names = "--by", paramLabel = "USER", description = "Who stops it (default: your user).")
    String by;

    @Mixin
    StateDirOption state;

    StopWatchCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeploymentKey key;
        Optional<Version> only;
        try {
            key = new DeploymentKey(application.name, environment);
            only = version == null ? Optional.empty() : Optional.of(new Version(version));
            if (reason.isBlank()) {
                throw new IllegalArgumentException("--reason must say why; it goes into the watch's record");
            }
        } catch (IllegalArgumentException e) {
            err.println("genesis stop-watch: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        String who = Actor.describe(by != null ? by : host.user(), host.user());
        Progress progress = new Progress(out, host.clock());
        try (TargetKinds kinds = host.targetKinds();
                Engine engine = Engine.builder(state.dir(), host, kinds, err)
                        .notifications(Notify.targetsOrNone(progress::line))
                        .build()) {
            StateReading.of(engine.dir(), host.clock()).warn("genesis stop-watch", err);
            Watcher watcher = EngineWatcher.of(engine, host, event -> progress.line(event.message()));
            List<WatchState> stopped = watcher.stop(key, only, who, reason);
            if (stopped.isEmpty()) {
                err.println("genesis stop-watch: no running watch of " + key
                        + only.map(v -> " version " + v.value()).orElse("") + " in " + engine.dir()
                        + "; 'genesis status' lists the watches");
                return ExitCode.USAGE.code();
            }
            for (WatchState watch : stopped) {
                out.println(line(watch));
            }
            return ExitCode.PASSED.code();
        }
    }

    private static String line(WatchState watch) {
        String which = "genesis stop-watch: watch " + watch.id() + " of "
                + watch.request().key() + " version "
                + watch.request().version().value();
        if (watch.ended()) {
            return which + " " + watch.outcome().verdict() + ": "
                    + watch.outcome().reason();
        }
        return which + " is run by " + watch.owner() + "; the stop is stored, and that process ends it at its next"
                + " sample (by " + watch.sampling().nextSampleAt() + ") or poll";
    }
}
