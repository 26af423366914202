package io.genesis.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a usage error prints: the problem, picocli's suggestions for a misspelt option, a hint to quote
 * a pattern when the shell expanded it into file names, and where the full help is — not the whole
 * help, which buries the one line that matters.
 */
final class UsageHint implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(GenesisCommand.prefix(line) + e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched) {
            expandedGlob(line, unmatched.getUnmatched()).ifPresent(err::println);
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("See '" + line.getCommandSpec().qualifiedName() + " --help' for its options and exit codes.");
        return ExitCode.USAGE.code();
    }

    /**
     * A hint when arguments look like what a shell makes of an unquoted pattern: several file names
     * where the command takes patterns ({@code --tests surefire/*.xml} becomes
     * {@code --tests surefire/a.xml surefire/b.xml}).
     */
    static Optional<String> expandedGlob(CommandLine line, List<String> unmatched) {
        Optional<OptionSpec> patternOption = line.getCommandSpec().options().stream()
                .filter(o -> o.paramLabel().startsWith("GLOB"))
                .findFirst();
        List<String> files = unmatched.stream()
                .filter(a -> !a.startsWith("-") && (a.contains("/") || a.contains(".")))
                .toList();
        if (patternOption.isEmpty() || files.isEmpty()) {
            return Optional.empty();
        }
        String example = patternOption.get().longestName() + " '" + pattern(files.get(0)) + "'";
        return Optional.of("  " + files.size() + " argument" + (files.size() == 1 ? "" : "s")
                + " look like file names the shell made of an unquoted pattern (" + String.join(", ", sample(files))
                + "); fix: quote the pattern so that genesis gets it whole, such as " + example);
    }

    private static List<String> sample(List<String> files) {
        return files.size() <= 3 ? files : List.of(files.get(0), files.get(1), "…");
    }

    private static String pattern(String file) {
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        String directory = slash < 0 ? "" : file.substring(0, slash + 1);
        return directory + "*" + (dot > slash ? file.substring(dot) : "");
    }
}
