package io.genesis.cli;

import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.Environment;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.time.Durations;
import io.genesis.core.watch.WatchAfterRollout;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchThresholds;
import io.genesis.core.watch.Watcher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code genesis deploy} does after a rollout succeeded in an environment with a watch window
 * ({@code watchHours}; docs/monitor.md), by the engine's one rule ({@link WatchAfterRollout}):
 *
 * <ul>
 *   <li>by default it registers the watch in the state directory and ends: {@code genesis serve} on that
 *       state directory runs it, and {@code genesis status} shows it until then;
 *   <li>with {@code --watch} it runs the watch here, in the foreground, and exits with its verdict as
 *       {@code genesis monitor} does;
 *   <li>a sandbox lives inside this process, so nothing is left to watch once it has ended: without
 *       {@code --watch} no watch is registered, and the output says how to have one.
 * </ul>
 */
final class DeployWatch {

    private final Engine engine;
    private final Host host;
    private final Progress progress;

    DeployWatch(Engine engine, Host host, Progress progress) {
        this.engine = engine;
        this.host = host;
        this.progress = progress;
    }

    /**
     * Registers or runs the watch {@code ended} calls for, and returns the command's exit code.
     *
     * @param deployed the exit code of the rollout itself, returned unless a foreground watch gives a verdict
     * @param thresholds the environment's {@code watchThresholds}, if its policy sets them
     */
    int after(
            RolloutState ended,
            Environment environment,
            TargetKind kind,
            boolean foreground,
            int deployed,
            Optional<WatchThresholds> thresholds)
            throws InterruptedException {
        if (ended.outcome() == null || ended.outcome().status() != RecordStatus.SUCCEEDED) {
            return deployed;
        }
        Duration window = environment.watchWindow();
        Watcher watcher = EngineWatcher.of(engine, host, event -> progress.line(event.message()));
        WatchAfterRollout after = new WatchAfterRollout(watcher);
        if (foreground) {
            WatchAfterRollout.Decision decision = after.start(ended, window, thresholds);
            progress.line(decision.message());
            return decision.watch().isPresent()
                    ? watch(watcher, decision.watch().get(), kind)
                    : deployed;
        }
        if (window.isZero()) {
            superseded(after.supersede(ended));
            return deployed;
        }
        if (kind.livesInProcess()) {
            superseded(after.supersede(ended));
            progress.line("no watch registered: the " + kind.name() + " ends with this process, so nothing would be"
                    + " left to watch; pass --watch to watch it here, in the foreground, for "
                    + Durations.format(window) + " (" + environment.name() + "'s watchHours)");
            return deployed;
        }
        WatchAfterRollout.Decision decision = after.register(ended, window, thresholds);
        progress.line(decision.message());
        decision.watch()
                .ifPresent(id -> progress.line("the watch runs in 'genesis serve --state-dir " + engine.dir()
                        + "' (start one if none runs; 'genesis status' shows the watch), or pass --watch to run it"
                        + " here in the foreground"));
        return deployed;
    }

    /** A newer version runs now: the watches of the one before ended, and the output says so. */
    private void superseded(List<WatchId> watches) {
        if (!watches.isEmpty()) {
            progress.line("superseded the watch(es) of the version before: "
                    + watches.stream().map(WatchId::value).collect(Collectors.joining(", ")));
        }
    }

    private int watch(Watcher watcher, WatchId id, TargetKind kind) throws InterruptedException {
        Thread stopper = kind.livesInProcess() ? stopOnExit(watcher, id, kind) : null;
        WatchState watched;
        try {
            watched = MonitorCommand.until(watcher, id, host);
        } finally {
            if (stopper != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // The hook runs already: it finds the watch ended and does nothing.
                }
            }
        }
        progress.line("genesis deploy: watch " + id + " of " + watched.request().key() + " version "
                + watched.request().version().value() + " " + watched.outcome().verdict() + ": "
                + watched.outcome().reason());
        return MonitorCommand.exitCode(watched.outcome().verdict()).code();
    }

    /**
     * A sandbox ends with this process: if it is stopped while watching, the watch is ended as stopped, so
     * no server adopts a watch of something that no longer exists.
     */
    private Thread stopOnExit(Watcher watcher, WatchId id, TargetKind kind) {
        Thread hook = new Thread(
                () -> {
                    Optional<WatchState> state = watcher.view(id);
                    if (state.isPresent() && !state.get().ended()) {
                        try {
                            watcher.stop(
                                    id,
                                    host.user(),
                                    "the genesis deploy process was stopped, and its " + kind.name()
                                            + " ended with it");
                        } catch (RuntimeException e) {
                            // The process is ending either way; the watch ended meanwhile or cannot be stored.
                        }
                    }
                },
                "genesis-deploy-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }
}
