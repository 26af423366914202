package io.genesis.sandbox.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.genesis.core.secret.PrivateFiles;
import io.genesis.sandbox.sample.SampleServiceMain;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child process gets an allow-listed environment and an exact class path, and its log is a private
 * file in a private directory.
 */
class ChildProcessSecurityITest {

    @TempDir
    Path temp;

    @Test
    void shouldGiveAChildOnlyTheAllowListedEnvironmentAndWhatItIsGiven() throws IOException {
        // 'env NAME=VALUE' prints the environment it was given and exits: the launch fails, the log stays.
        ProcessSlotLauncher launcher = ProcessSlotLauncher.of(CommandTemplate.of("env", "SLOT_PORT={port}"))
                .withLogDirectory(temp.resolve("logs"))
                .withEnvironment(Map.of("SLOT_MODE", "demo"));

        assertThatThrownBy(() -> launcher.launch(SlotId.of("slot-1"), "1.0.0")).isInstanceOf(SlotStartException.class);

        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(onlyLog(temp.resolve("logs")))) {
            if (line.contains("=")) {
                names.add(line.substring(0, line.indexOf('=')));
            }
        }
        Set<String> allowed = new HashSet<>(ProcessSlotLauncher.INHERITED);
        allowed.addAll(List.of("SLOT_MODE", "SLOT_PORT"));
        assertThat(names).contains("SLOT_MODE", "SLOT_PORT", "PATH");
        assertThat(allowed).containsAll(names);
        assertThat(System.getenv().keySet())
                .as("this test proves something only where more is set")
                .isNotEqualTo(names);
    }

    @Test
    void shouldKeepLogsInAPrivateDirectoryOfItsOwnByDefault() throws IOException {
        assumeThat(PrivateFiles.posix()).isTrue();
        ProcessSlotLauncher launcher = ProcessSlotLauncher.of(CommandTemplate.of("env", "SLOT_PORT={port}"));

        String message = catchMessage(() -> launcher.launch(SlotId.of("slot-2"), "1.0.0"));

        Path log = Path.of(message.substring(message.indexOf("see ") + 4));
        try {
            assertThat(log.getParent()).isNotEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "genesis-sandbox"));
            assertThat(mode(log.getParent())).isEqualTo("rwx------");
            assertThat(mode(log)).isEqualTo("rw-------");
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(log.getParent());
        }
    }

    @Test
    void shouldRefuseALogDirectoryThatIsALink() throws IOException {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Path link = Files.createSymbolicLink(temp.resolve("logs"), shared);
        ProcessSlotLauncher launcher = ProcessSlotLauncher.of(CommandTemplate.of("env", "SLOT_PORT={port}"))
                .withLogDirectory(link);

        assertThatThrownBy(() -> launcher.launch(SlotId.of("slot-3"), "1.0.0"))
                .isInstanceOf(SlotStartException.class)
                .hasMessageContaining("is a symbolic link");
        try (Stream<Path> files = Files.list(shared)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void shouldRefuseAClassPathThatPutsTheWorkingDirectoryOnIt() {
        String separator = File.pathSeparator;
        for (String classPath :
                List.of("app.jar" + separator, separator + "app.jar", "a.jar" + separator + separator + "b.jar")) {
            assertThatThrownBy(() -> CommandTemplate.of("java", "-cp", classPath, "Main", "{port}"))
                    .as(classPath)
                    .hasMessageContaining("has an empty entry");
        }
        assertThat(CommandTemplate.of("java", "-cp", "a.jar" + separator + "b.jar", "Main", "{port}")
                        .arguments())
                .contains("a.jar" + separator + "b.jar");
    }

    @Test
    void shouldStartTheSampleServiceWithAnExactClassPath() {
        List<String> command = SampleServiceMain.commandTemplate().render(9000, "1.0.0");
        String classPath = command.get(command.indexOf("-cp") + 1);

        assertThat(classPath).doesNotEndWith(File.pathSeparator).doesNotStartWith(File.pathSeparator);
        assertThat(classPath.split(java.util.regex.Pattern.quote(File.pathSeparator), -1))
                .doesNotContain("");
    }

    @Test
    void shouldStillStartAHealthyChild() {
        ProcessSlot slot = ProcessSlotLauncher.of(SampleServiceMain.commandTemplate())
                .withLogDirectory(temp.resolve("logs"))
                .withStartTimeout(Duration.ofSeconds(20))
                .launch(SlotId.of("slot-4"), "1.0.0");
        try {
            assertThat(slot.isRunning()).isTrue();
        } finally {
            slot.stop();
        }
    }

    private static Path onlyLog(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.findFirst().orElseThrow();
        }
    }

    private static String catchMessage(Runnable launch) {
        try {
            launch.run();
        } catch (SlotStartException e) {
            return e.getMessage();
        }
        throw new AssertionError("the launch should have failed");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
