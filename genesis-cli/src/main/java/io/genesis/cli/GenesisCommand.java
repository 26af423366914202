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
        subcommands = {GateCommand.class},
        description = "Gated progressive delivery: quality gates from test and coverage reports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:passed, or overridden with --force",
            "1:the gate failed",
            "2:bad usage, bad configuration, or reports that could not be found or read",
            "3:the gate is unstable",
            "4:an internal error (a bug: please report it)"
        })
public final class GenesisCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new GenesisCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("genesis: internal error: " + e);
            return ExitCode.INTERNAL_ERROR.code();
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("genesis: name a command, such as 'genesis gate'");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
