package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.genesis.core.secret.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory lives outside the checkout by default, is private, and is never reached through
 * a link; whatever the commands print passes through the one redaction.
 */
class StateDirSecurityTest {

    private static final String QUICK = "deploy; smoke; weight 50; weight 100; promote; scaleDown";

    @TempDir
    Path dir;

    private final RecordingKind recording = new RecordingKind();

    @Test
    void shouldKeepStateOutsideTheWorkingDirectoryByDefault() {
        Path home = dir.resolve("home");

        assertThat(StateDir.standard(Map.of(), home).root()).isEqualTo(home.resolve(".local/state/genesis"));
        assertThat(StateDir.standard(Map.of("XDG_STATE_HOME", dir.resolve("xdg").toString()), home)
                        .root())
                .isEqualTo(dir.resolve("xdg/genesis"));
        assertThat(StateDir.standard(Map.of("XDG_STATE_HOME", "relative/state"), home)
                        .root())
                .as("the XDG specification ignores a relative path")
                .isEqualTo(home.resolve(".local/state/genesis"));
        assertThat(StateDir.standard(
                                Map.of(StateDir.VARIABLE, dir.resolve("ci").toString(), "XDG_STATE_HOME", "/x"), home)
                        .root())
                .isEqualTo(dir.resolve("ci"));
        assertThat(StateDir.standard(Map.of(), home)
                        .root()
                        .startsWith(Path.of("").toAbsolutePath()))
                .as("never in the working directory")
                .isFalse();
    }

    @Test
    void shouldSayInHelpWhereTheStateIsKept() {
        Run run = Run.of("history", "--help");

        assertThat(run.out())
                .contains("GENESIS_STATE_DIR", "~/.local/state/genesis")
                .doesNotContain("(default: .genesis)");
    }

    @Test
    void shouldRefuseAStateDirectoryThatIsALink() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("state"), elsewhere);

        Run run = Run.on(recording.host(), "history", "--state-dir", link.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("state directory " + link + " cannot be used", "is a symbolic link");
    }

    @Test
    void shouldRefuseAStateDirectoryOfAnotherUser() throws IOException {
        Path state = Files.createDirectory(dir.resolve("state"));
        try {
            Files.setOwner(
                    state,
                    FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        } catch (IOException e) {
            assumeThat(e).as("only root can give a directory away").isNull();
        }

        Run run = Run.on(recording.host(), CommandLines.rollback(state, "--reason", "INC-1"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("belongs to user nobody", "use a state directory of your own");
    }

    @Test
    void shouldNotAppendToAFileAPlantedHistoryLinkNames() throws IOException {
        Path state = Files.createDirectory(dir.resolve("state"));
        Path profile = Files.writeString(dir.resolve(".profile"), "# start-up\n");
        Files.createSymbolicLink(state.resolve("history.jsonl"), profile);

        Run run = Run.on(recording.host(), deploy(state));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out() + run.err()).contains("history.jsonl is a symbolic link");
        assertThat(Files.readString(profile)).isEqualTo("# start-up\n");
    }

    @Test
    void shouldKeepEveryStateFileForItsOwnerOnly() throws IOException {
        assumeThat(PrivateFiles.posix()).isTrue();
        Path state = dir.resolve("state");

        Run run = Run.on(recording.host(), deploy(state));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        try (Stream<Path> paths = Files.walk(state)) {
            for (Path path : paths.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                assertThat(mode).as(path.toString()).isIn("rwx------", "rw-------");
            }
        }
    }

    @Test
    void shouldMaskCredentialsInWhateverACommandPrints() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = GenesisCommand.run(
                new PrintWriter(out),
                new PrintWriter(err),
                "gate",
                "--environment",
                "staging",
                "--tests",
                "https://ci.example/r?token=hunter2 http://admin:hunter2@my_host/x.xml");

        assertThat(code).isNotZero();
        assertThat(out + err.toString()).doesNotContain("hunter2").contains("https://ci.example/r?token=****");
    }

    @Test
    void shouldRedactLineByLineAndOnFlush() {
        StringWriter target = new StringWriter();
        PrintWriter writer = new PrintWriter(new RedactingWriter(target));

        writer.print("first http://u:hunter2@h/ ");
        writer.println("same line");
        writer.print("prompt https://h/?key=hunter3 ");
        writer.flush();

        assertThat(target.toString())
                .isEqualTo("first http://****@h/ same line" + System.lineSeparator() + "prompt https://h/?key=**** ");
    }

    private static String[] deploy(Path state) {
        return CommandLines.deploy(
                state,
                "shop",
                CommandLines.concat(List.of("--environment", "staging", "--target", "recording", "--steps", QUICK)));
    }
}
