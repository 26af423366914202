package io.genesis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutView;
import io.genesis.core.rollout.Stage;
import io.genesis.core.time.Scheduler;
import io.genesis.core.time.TimeJson;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genesis status}: what runs where now, and the rollouts in progress. */
@Command(
        name = "status",
        sortOptions = false,
        description = {
            "Prints what runs where now (per application and environment, the last rollout that succeeded and was"
                    + " not rolled back), the rollouts in progress, and previous versions kept for instant rollback.",
            "It reads the state directory and changes nothing."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", ExitCodeText.USAGE, ExitCodeText.INTERNAL})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--json", description = "Print one JSON object: current deployments and rollouts in progress.")
    boolean json;

    @Mixin
    StateDirOption state;

    @Mixin
    RecordsOption records;

    private final Host host;

    StatusCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StateDir dir = state.dir();
        StateReading reading;
        try (TargetKinds kinds = host.targetKinds()) {
            // What runs where in environments with history: cluster comes from their cluster's records.
            reading = records.stores(dir, kinds).over(StateReading.of(dir, host.clock()));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("genesis status: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        CurrentDeployments current = CurrentDeployments.from(reading.records());
        List<RolloutState> states = reading.rollouts();
        List<RolloutState> running =
                states.stream().filter(s -> s.stage() != Stage.DONE).toList();
        List<RolloutState> keeping = states.stream()
                .filter(s -> s.stage() == Stage.DONE
                        && s.cleanup() != null
                        && !s.cleanup().done())
                .toList();
        WatchStatus watches = WatchStatus.of(dir, Clock.systemUTC().instant());
        if (json) {
            out.println(json(readOnly(dir), current, running, keeping, watches, reading.problems()));
            return ExitCode.PASSED.code();
        }
        reading.warn("genesis status", spec.commandLine().getErr());
        watches.problems()
                .forEach(problem -> spec.commandLine().getErr().println("genesis status: warning: " + problem));
        print(dir, current, running, keeping, out);
        watches.print(out);
        return ExitCode.PASSED.code();
    }

    /** The status as text; also used by the demo. */
    static void print(
            StateDir dir,
            CurrentDeployments current,
            List<RolloutState> running,
            List<RolloutState> keeping,
            PrintWriter out) {
        Orchestrator views = readOnly(dir);
        out.println("genesis status (" + dir + ")");
        if (current.all().isEmpty()) {
            out.println("what runs where: nothing deployed yet");
        } else {
            out.println("what runs where:");
            String format = "  %-12s  %-11s  %-10s  %-20s  %s%n";
            out.printf(Locale.ROOT, format, "APPLICATION", "ENVIRONMENT", "VERSION", "SINCE", "ROLLOUT");
            current.all()
                    .values()
                    .forEach(record -> out.printf(
                            Locale.ROOT,
                            format,
                            record.application(),
                            record.environment(),
                            record.version(),
                            RecordText.time(record.endedAt()),
                            record.id() + " (" + record.strategy() + ", on " + record.target() + ")"));
        }
        if (running.isEmpty()) {
            out.println("in progress: none");
        } else {
            out.println("in progress:");
            for (RolloutState state : running) {
                RolloutView view = views.view(state.id()).orElseThrow();
                EngineOwner owner = new EngineOwner(state.owner());
                out.println("  " + state.id() + "  " + state.request().key() + " "
                        + state.request().version()
                        + " " + view.status()
                        + (view.step() > 0
                                ? " at step " + view.step() + "/" + view.steps() + " (" + view.stepDescription() + ")"
                                : "")
                        + ", run by " + owner.describe() + (owner.certainlyEnded() ? " (ended)" : ""));
            }
        }
        keeping.forEach(state -> out.println("  kept for instant rollback: the version before "
                + state.request().version() + " of " + state.request().key() + ", until "
                + RecordText.time(state.cleanup().dueAt()) + " (rollout " + state.id() + ")"));
    }

    private static String json(
            Orchestrator views,
            CurrentDeployments current,
            List<RolloutState> running,
            List<RolloutState> keeping,
            WatchStatus watches,
            List<String> problems)
            throws Exception {
        ObjectMapper mapper = TimeJson.mapper();
        ObjectNode document = mapper.createObjectNode();
        ArrayNode where = document.putArray("current");
        for (DeploymentRecord record : current.all().values()) {
            ObjectNode entry = where.addObject();
            entry.put("application", record.application());
            entry.put("environment", record.environment());
            entry.put("version", record.version());
            entry.put("since", record.endedAt().toString());
            entry.put("rollout", record.id());
            entry.put("strategy", record.strategy());
        }
        ArrayNode progress = document.putArray("inProgress");
        for (RolloutState state : running) {
            RolloutView view = views.view(state.id()).orElseThrow();
            ObjectNode entry = progress.addObject();
            entry.put("rollout", state.id().value());
            entry.put("application", state.request().key().application());
            entry.put("environment", state.request().key().environment());
            entry.put("version", state.request().version().value());
            entry.put("status", view.status().name());
            entry.put("step", view.step());
            entry.put("steps", view.steps());
            entry.put("owner", state.owner());
        }
        ArrayNode kept = document.putArray("keptForRollback");
        for (RolloutState state : keeping) {
            ObjectNode entry = kept.addObject();
            entry.put("rollout", state.id().value());
            entry.put("application", state.request().key().application());
            entry.put("environment", state.request().key().environment());
            entry.put("until", state.cleanup().dueAt().toString());
        }
        watches.json(document.putArray("watches"));
        List<String> all = new java.util.ArrayList<>(problems);
        all.addAll(watches.problems());
        document.set("problems", mapper.valueToTree(all));
        return mapper.writeValueAsString(document);
    }

    /**
     * An engine that only reads: how rollouts look comes from the engine, but status must never take one
     * over, so this one has no scheduler, no targets and no approver.
     */
    private static Orchestrator readOnly(StateDir dir) {
        return Orchestrator.builder()
                .settings(EngineSettings.defaults("genesis-status"))
                .clock(Clock.systemUTC())
                .scheduler(new Scheduler() {
                    @Override
                    public void schedule(String key, Instant at, Runnable task) {
                        throw new IllegalStateException("genesis status only reads");
                    }

                    @Override
                    public void cancel(String key) {
                        // Nothing is ever scheduled.
                    }
                })
                .states(dir.states())
                .locks(dir.locks())
                .history(dir.history())
                .targets((key, target) -> {
                    throw new IllegalStateException("genesis status only reads");
                })
                .build();
    }
}
