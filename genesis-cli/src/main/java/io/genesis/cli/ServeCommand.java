package io.genesis.cli;

import io.genesis.core.time.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genesis serve}: one long-running process that runs every watch of a state directory, for CI
 * systems whose jobs cannot stay up for 48 hours; stops gracefully on SIGTERM or Ctrl-C (docs/monitor.md).
 */
@Command(
        name = "serve",
        sortOptions = false,
        description = {
            "Runs every post-deploy watch of a state directory until stopped: the watches 'genesis deploy' registers,"
                    + " and those another genesis process left (a stopped server, a process that died).",
            "All watches share one scheduler thread. SIGTERM or Ctrl-C stops it gracefully: the watches are handed"
                    + " over, and the next 'genesis serve' on the same state directory resumes them where they were."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "143:stopped gracefully by SIGTERM (130: by Ctrl-C), as every Java process stopped by a signal ends",
            ExitCodeText.USAGE,
            ExitCodeText.INTERNAL
        })
final class ServeCommand implements Callable<Integer> {

    /** How long a signal waits for the graceful stop before the process ends anyway. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Host host;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    StateDirOption state;

    @Option(
            names = "--poll-interval",
            paramLabel = "DURATION",
            description = "How often the state directory is looked at for new watches (default 5s).")
    String pollInterval = "5s";

    ServeCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration poll;
        try {
            poll = Durations.parse("--poll-interval", pollInterval);
            Server.requirePositive(poll);
        } catch (IllegalArgumentException e) {
            err.println("genesis serve: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        stopped.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "genesis-serve-stop");
        Progress progress = new Progress(out, host.clock());
        try (TargetKinds kinds = host.targetKinds();
                Engine engine = Engine.builder(state.dir(), host, kinds, err)
                        .listener(progress)
                        .notifications(Notify.targetsOrNone(progress::line))
                        .build()) {
            kinds.reportTo(progress::line);
            StateReading.of(engine.dir(), host.clock()).warn("genesis serve", err);
            // The outbox is shared with the deploys that queued into it: what they could not deliver before
            // exiting (a receiver down) is retried here, on the server's poll.
            List<Server.DueWork> work = engine.outbox()
                    .<List<Server.DueWork>>map(outbox -> List.of(outbox::deliverDue))
                    .orElse(List.of());
            try (Server server = Server.start(engine, host, progress, poll, work)) {
                progress.line("genesis serve: running every watch of " + engine.dir() + " as "
                        + engine.owner().describe() + " (" + server.running().size()
                        + " now); looking for new ones every " + Durations.format(poll)
                        + "; stop with SIGTERM or Ctrl-C");
                Runtime.getRuntime().addShutdownHook(hook);
                stop.await();
                progress.line("genesis serve: stopping");
            }
        } finally {
            stopped.countDown();
        }
        return ExitCode.PASSED.code();
    }
}
