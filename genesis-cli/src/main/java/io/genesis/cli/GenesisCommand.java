package io.genesis.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code genesis} command: gated progressive delivery outside Jenkins. */
@Command(
        name = "genesis",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            GateCommand.class,
            DeployCommand.class,
            RollbackCommand.class,
            MonitorCommand.class,
            StopWatchCommand.class,
            HistoryCommand.class,
            StatusCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class
        },
        description = {
            "Gated progressive delivery: quality gates from test and coverage reports, blue-green, canary and"
                    + " rolling rollouts with analysis and automatic rollback, and their history.",
            "Start with 'genesis demo'; each command explains itself with --help."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:passed or succeeded (a gate overridden with --force, a rollback carried out)",
            "1:the gate failed, or the rollout was rolled back or failed",
            ExitCodeText.USAGE,
            "3:the gate is unstable, or the rollout was aborted before it touched anything",
            ExitCodeText.INTERNAL
        })
public final class GenesisCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        // Jetty (the sandbox) logs through SLF4J; without a provider SLF4J warns on every start. The sandbox
        // reports what matters through its API, so the command line keeps SLF4J quiet unless asked otherwise.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command line on this machine with the given output streams and returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Host.system(), out, err, args);
    }

    /** Runs the command line on {@code host} with the given output streams and returns the exit code. */
    static int run(Host host, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new GenesisCommand(), new HostFactory(host));
        // One redaction for all output: no credential in an address reaches the terminal or a CI log.
        PrintWriter safeOut = new PrintWriter(new RedactingWriter(out), true);
        PrintWriter safeErr = new PrintWriter(new RedactingWriter(err), true);
        commandLine.setOut(safeOut);
        commandLine.setErr(safeErr);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                line.getErr().println("genesis: interrupted");
                return ExitCode.INTERNAL_ERROR.code();
            }
            Failure failure = Failure.of(e);
            line.getErr().println(prefix(line) + failure.message());
            return failure.exitCode().code();
        });
        commandLine.setParameterExceptionHandler(new UsageHint());
        commandLine.setHelpFactory(WholeWordsHelp::new);
        int code = commandLine.execute(args);
        safeOut.flush();
        safeErr.flush();
        return code;
    }

    /** {@code genesis deploy: } for a subcommand, {@code genesis: } for the top. */
    static String prefix(CommandLine line) {
        return line.getCommandSpec().qualifiedName() + ": ";
    }

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("genesis: name a command, such as 'genesis demo' or 'genesis gate'");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    /** Makes commands that need the host with it, and the others as picocli would. */
    private static final class HostFactory implements CommandLine.IFactory {
        private final Host host;

        HostFactory(Host host) {
            this.host = host;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Host.class).newInstance(host);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
