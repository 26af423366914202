package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's help and usage errors, the same way everywhere. */
class HelpTest {

    static Stream<String> commands() {
        return Stream.of(
                "gate", "deploy", "rollback", "history", "status", "serve", "demo", "monitor", "stop-watch", "version");
    }

    private static CommandSpec spec(String command) {
        CommandLine top = new CommandLine(new GenesisCommand(), new GenesisCommandFactory());
        return command.isEmpty()
                ? top.getCommandSpec()
                : top.getSubcommands().get(command).getCommandSpec();
    }

    /** Picocli formats every help text with String.format: an unescaped % makes it warn and print raw. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "gate",
                "deploy",
                "rollback",
                "history",
                "status",
                "serve",
                "demo",
                "version",
                "monitor",
                "stop-watch"
            })
    void shouldFormatEveryHelpTextWithoutAWarning(String command) {
        List<String> texts = new ArrayList<>();
        CommandSpec spec = spec(command);
        texts.addAll(List.of(spec.usageMessage().description()));
        texts.addAll(spec.usageMessage().exitCodeList().values());
        spec.options().forEach(option -> texts.addAll(List.of(option.description())));
        spec.subcommands()
                .values()
                .forEach(sub ->
                        texts.addAll(List.of(sub.getCommandSpec().usageMessage().description())));

        assertThat(texts)
                .isNotEmpty()
                .allSatisfy(text -> assertThatCode(() -> String.format(Locale.ROOT, text))
                        .as(text)
                        .doesNotThrowAnyException());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void shouldListTheSharedExitCodesAndHelpOptionTheSameWayEverywhere(String command) {
        CommandSpec spec = spec(command);

        assertThat(spec.usageMessage().exitCodeList())
                .containsEntry("2", ExitCodeText.USAGE.substring(2) + tail(spec, "2"))
                .containsEntry("4", ExitCodeText.INTERNAL.substring(2));
        OptionSpec help = spec.findOption("--help");
        assertThat(help.description()).containsExactly("Show this help and exit.");
        assertThat(spec.findOption("-h")).isSameAs(help);
    }

    private static String tail(CommandSpec spec, String code) {
        String text = spec.usageMessage().exitCodeList().get(code);
        String shared = ExitCodeText.USAGE.substring(2);
        return text.startsWith(shared) ? text.substring(shared.length()) : "";
    }

    @ParameterizedTest
    @MethodSource("commands")
    void shouldNeverBreakAWordOrPathAcrossLines(String command) {
        Run run = Run.of(command, "--help");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            String next = lines.get(i + 1).stripLeading();
            // policy.|yaml or GLOB[,|GLOB...]: a name cut where it has a dot or a comma, its rest on the next line
            boolean cut = (line.matches(".*\\w\\.$") && next.matches("^[a-z].*"))
                    || line.endsWith("[,")
                    || line.matches(".*[\\w\\]]=$");
            assertThat(cut)
                    .as("a word cut across lines:%n%s%n%s", line, lines.get(i + 1))
                    .isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "help deploy"})
    void shouldKnowTheHelpCommand(String args) {
        Run run = Run.of(args.split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: genesis").contains("Exit codes:");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void shouldAnswerAUsageErrorWithTheProblemAndWhereHelpIsNotTheWholeHelp(String command) {
        Run run = Run.of(command, "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("genesis " + command + ": ")
                .contains("See 'genesis " + command + " --help' for its options and exit codes.")
                .doesNotContain("Usage:");
        assertThat(run.err().lines()).hasSizeLessThan(8);
    }

    @org.junit.jupiter.api.Test
    void shouldSuggestQuotingAPatternTheShellExpanded() {
        Run run = Run.of(
                "gate",
                "--environment",
                "staging",
                "--tests",
                "target/reports/a.xml",
                "target/reports/b.xml",
                "target/reports/c.xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("2 arguments look like file names the shell made of an unquoted pattern"
                        + " (target/reports/b.xml, target/reports/c.xml)")
                .contains("quote the pattern so that genesis gets it whole, such as --tests 'target/reports/*.xml'");
    }

    /** Makes the commands as the command line does, on the system host. */
    private static final class GenesisCommandFactory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Host.class).newInstance(Host.system());
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
