package io.genesis.cli;

import io.genesis.core.approval.Actor;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.Stage;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetException;
import io.genesis.core.time.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genesis rollback}: rolls back the rollout in progress for an application and environment, or
 * the last one while its previous version is still kept.
 */
@Command(
        name = "rollback",
        sortOptions = false,
        description = {
            "Rolls back the rollout in progress for an application and environment (or cancels it if it has"
                    + " touched nothing), or the last one that succeeded while its previous version is kept.",
            "A Kubernetes rollout is rolled back by this command directly, from any machine that reaches the"
                    + " cluster the rollout stored.",
            "A sandbox lives inside the genesis process that deployed it: this command asks that process to roll"
                    + " back and waits for it. Once that process has ended, nothing of its sandbox is left to roll"
                    + " back."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:rolled back (or cancelled before it touched anything)",
            "1:the rollback failed, or the process running the rollout did not carry it out within --wait",
            ExitCodeText.USAGE + " (such as nothing to roll back)",
            ExitCodeText.INTERNAL
        })
final class RollbackCommand implements Callable<Integer> {

    private final Host host;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ApplicationOption application;

    @Option(names = "--environment", required = true, paramLabel = "NAME", description = "The environment.")
    String environment;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; it goes into the record.")
    String reason;

    @Option(names = "--by", paramLabel = "USER", description = "Who rolls back (default: your user).")
    String by;

    @Option(
            names = "--wait",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "How long to wait for the rollback to end (default: ${DEFAULT-VALUE}).")
    String waitFor;

    @Mixin
    StateDirOption state;

    @Mixin
    RecordsOption records;

    @Option(names = "--json", description = "Print the deployment record as one JSON object.")
    boolean json;

    RollbackCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeploymentKey key;
        Duration patience;
        try {
            key = new DeploymentKey(application.name, environment);
            patience = Durations.parse("--wait", waitFor);
            if (reason.isBlank()) {
                throw new IllegalArgumentException("--reason must say why; it goes into the record");
            }
        } catch (IllegalArgumentException e) {
            err.println("genesis rollback: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        String who = Actor.describe(by != null ? by : host.user(), host.user());
        Progress progress = new Progress(json ? err : out, host.clock());
        try (TargetKinds kinds = host.targetKinds()) {
            HistoryStores history;
            try {
                history = records.stores(state.dir(), kinds);
            } catch (ConfigException e) {
                err.println("genesis rollback: " + e.getMessage());
                return ExitCode.USAGE.code();
            }
            try (Engine engine = Engine.builder(state.dir(), host, kinds, err)
                    .listener(progress)
                    .say(progress::line)
                    .notifications(Notify.targetsOrNone(progress::line))
                    .history(history)
                    .build()) {
                return rollBackKey(engine, history, key, who, patience, progress, out, err);
            }
        }
    }

    /** Rolls back what runs for {@code key}: a rollout of the state directory, else one from the cluster's records. */
    private int rollBackKey(
            Engine engine,
            HistoryStores history,
            DeploymentKey key,
            String who,
            Duration patience,
            Progress progress,
            PrintWriter out,
            PrintWriter err)
            throws InterruptedException {
        engine.kinds().reportTo(progress::line);
        StateReading.of(engine.dir(), host.clock()).warn("genesis rollback", err);
        List<RolloutState> orphans = engine.endOrphans(progress::line, Optional.of(new Engine.Asked(key, reason, who)));
        Optional<RolloutState> found = latest(engine, key);
        if (found.isEmpty() && history.inCluster(key.environment())) {
            try {
                // A fresh machine: the cluster's records say what runs, the cluster what ran before.
                found = ClusterRollbacks.adopt(
                        engine, key, records, progress, host.clock().instant());
            } catch (ConfigException | IllegalArgumentException e) {
                err.println("genesis rollback: " + e.getMessage());
                return ExitCode.USAGE.code();
            }
        }
        if (found.isEmpty()) {
            err.println("genesis rollback: no rollout of " + key + " in " + engine.dir()
                    + (history.inCluster(key.environment()) ? " nor in the cluster's records" : "")
                    + "; nothing to roll back");
            return ExitCode.USAGE.code();
        }
        RolloutState state = found.get();
        if (orphans.stream().anyMatch(o -> o.id().equals(state.id()))) {
            return finish(engine, state.id(), patience, out, err);
        }
        return rollBack(engine, state, who, patience, progress, out, err);
    }

    private int rollBack(
            Engine engine,
            RolloutState state,
            String who,
            Duration patience,
            Progress progress,
            PrintWriter out,
            PrintWriter err)
            throws InterruptedException {
        RolloutId id = state.id();
        String what = "rollout " + id + " (version " + state.request().version() + " of "
                + state.request().key() + ")";
        boolean inProcess = engine.kindOf(state).map(TargetKind::livesInProcess).orElse(false);
        EngineOwner owner = new EngineOwner(state.owner());
        if (state.stage() == Stage.DONE) {
            RolloutState.Outcome outcome = state.outcome();
            if (outcome.status() != RecordStatus.SUCCEEDED) {
                err.println("genesis rollback: nothing to roll back: " + what + " ended " + outcome.status() + ": "
                        + outcome.reason());
                return ExitCode.USAGE.code();
            }
            if (inProcess) {
                err.println("genesis rollback: " + what + " ran on a "
                        + state.request().target().kind()
                        + " inside " + owner.describe() + ", and nothing of it outlives that deploy; roll back while"
                        + " 'genesis deploy' runs (this command asks it to), or see 'genesis demo'");
                return ExitCode.USAGE.code();
            }
            if (!reachable(engine, state, what, err)) {
                return ExitCode.USAGE.code();
            }
            try {
                engine.orchestrator().rollback(id, reason, who);
            } catch (IllegalStateException e) {
                err.println("genesis rollback: " + e.getMessage());
                return ExitCode.USAGE.code();
            } catch (TargetException e) {
                // Taking the lock failed (the cluster did not answer): nothing was changed.
                err.println("genesis rollback: could not start rolling back " + what + ": " + e.getMessage());
                return ExitCode.FAILED.code();
            }
            return finish(engine, id, patience, out, err);
        }
        if (inProcess) {
            new RollbackRequests(engine.dir())
                    .request(
                            id,
                            new RollbackRequests.Request(
                                    reason, who, host.clock().instant()));
            progress.line("asked " + owner.describe() + ", which runs " + what + ", to roll it back; waiting up to "
                    + Durations.format(patience));
            return finish(engine, id, patience, out, err);
        }
        if (!reachable(engine, state, what, err)) {
            return ExitCode.USAGE.code();
        }
        engine.orchestrator().rollback(id, reason, who);
        return finish(engine, id, patience, out, err);
    }

    /**
     * Whether the target of {@code state} opens from here; if not (its kubeconfig or token gone, say),
     * says why, so that the rollback is refused before anything starts rather than failing inside the
     * engine.
     */
    private static boolean reachable(Engine engine, RolloutState state, String what, PrintWriter err) {
        try {
            engine.kinds().open(state.request().key(), state.request().target());
            return true;
        } catch (IllegalArgumentException e) {
            err.println("genesis rollback: cannot reach the target of " + what + ": " + e.getMessage());
            return false;
        }
    }

    /** Waits until {@code id} has ended, then reports its record. */
    private int finish(Engine engine, RolloutId id, Duration patience, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        Instant deadline = host.clock().instant().plus(patience);
        while (true) {
            RolloutState state = engine.states().load(id).orElseThrow();
            if (state.stage() == Stage.DONE) {
                break;
            }
            if (!host.clock().instant().isBefore(deadline)) {
                err.println("genesis rollback: rollout " + id + " has not ended within " + Durations.format(patience)
                        + " (it is "
                        + engine.orchestrator()
                                .view(id)
                                .map(v -> v.status().name())
                                .orElse("?")
                        + "); a request left for the process running it stays in place");
                return ExitCode.FAILED.code();
            }
            Thread.sleep(host.pollInterval().toMillis());
        }
        DeploymentRecord record = engine.history().find(id.value()).orElseThrow();
        if (json) {
            out.println(RecordText.json(record));
        } else {
            out.println("genesis rollback: " + record.application() + " " + record.version() + " in "
                    + record.environment() + " " + record.status() + ": " + RecordText.reason(record));
            RecordText.restoreTime(record, out);
        }
        return Set.of(RecordStatus.ROLLED_BACK, RecordStatus.ABORTED).contains(record.status())
                ? ExitCode.PASSED.code()
                : ExitCode.FAILED.code();
    }

    /** The rollout that holds {@code key}'s lock, else the newest one waiting for it, else the last one. */
    private static Optional<RolloutState> latest(Engine engine, DeploymentKey key) {
        Comparator<RolloutState> newest = Comparator.comparing(RolloutState::submittedAt)
                .thenComparing(RolloutState::id)
                .reversed();
        List<RolloutState> ofKey = engine.states().list().stream()
                .filter(s -> s.request().key().equals(key))
                .sorted(newest)
                .toList();
        return ofKey.stream()
                .filter(s -> s.stage().holdsLock())
                .findFirst()
                .or(() -> ofKey.stream().filter(s -> s.stage() != Stage.DONE).findFirst())
                .or(() -> ofKey.stream().findFirst());
    }
}
