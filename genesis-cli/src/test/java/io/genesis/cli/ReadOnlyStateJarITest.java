package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A state directory the command cannot write, as a black box on the shaded jar: once as a user without
 * write permission on it (root writes anyway, so the jar runs as user 65534 through {@code setpriv}; skipped
 * when the tests cannot switch users), once on a read-only bind mount (skipped when mounting is not
 * allowed). A deploy exits 2 naming the path and the fix, leaves every file as it was, and {@code status}
 * still reads what is there.
 */
class ReadOnlyStateJarITest {

    private static final String NOBODY = "65534";
    private static final String STEPS = "deploy; smoke; weight 100; promote";

    private Path work;
    private Path mounted;

    @BeforeEach
    void reachableByEveryone() throws IOException {
        // The user the jar runs as must be able to walk to the state directory, and the temporary directory
        // may be private to root: the build directory is not.
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "read-only-state-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeWhatTheTestMade() throws Exception {
        if (mounted != null) {
            new ProcessBuilder("umount", mounted.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
        try (Stream<Path> all = Files.walk(work)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    @Test
    void shouldRefuseAStateDirectoryTheUserCannotWriteAndChangeNothing() throws Exception {
        Path state = Files.createDirectories(work.resolve("state"));
        String refused = run(
                "setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "test", "-x", state.toString());
        assumeTrue(
                refused.isEmpty(),
                "running the jar as another user needs root, setpriv and a build directory that user can reach: "
                        + refused);
        run("chown", NOBODY + ":" + NOBODY, state.toString());
        GenesisJar nobody =
                GenesisJar.in(work).through("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
        GenesisJar.Result first = nobody.run(deploy(state, "1.0.0"));
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(run("chmod", "-R", "a-w", state.toString())).isEmpty();
        Map<String, String> before = contents(state);

        GenesisJar.Result refusedDeploy = nobody.run(deploy(state, "1.1.0"));
        GenesisJar.Result status = nobody.run("status", "--state-dir", state.toString(), "--json");

        assertThat(refusedDeploy.exitCode())
                .as(refusedDeploy.out() + refusedDeploy.err())
                .isEqualTo(ExitCode.USAGE.code());
        assertThat(refusedDeploy.err())
                .contains("permission denied on " + state, "fix: give your user write access to it")
                .doesNotContain("internal error", "Exception", "\tat ");
        assertUnchanged(state, before, status);
    }

    @Test
    void shouldRefuseAStateDirectoryOnAReadOnlyMountAndChangeNothing() throws Exception {
        Path state = Files.createDirectories(work.resolve("state"));
        GenesisJar jar = GenesisJar.in(work);
        GenesisJar.Result first = jar.run(deploy(state, "1.0.0"));
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        String bound = run("mount", "--bind", state.toString(), state.toString());
        assumeTrue(bound.isEmpty(), "a bind mount needs root and a container that allows it: " + bound);
        mounted = state;
        String readOnly = run("mount", "-o", "remount,bind,ro", state.toString());
        assumeTrue(readOnly.isEmpty(), "remounting read-only is not allowed here: " + readOnly);
        Map<String, String> before = contents(state);

        GenesisJar.Result refusedDeploy = jar.run(deploy(state, "1.1.0"));
        GenesisJar.Result status = jar.run("status", "--state-dir", state.toString(), "--json");

        assertThat(refusedDeploy.exitCode())
                .as(refusedDeploy.out() + refusedDeploy.err())
                .isEqualTo(ExitCode.USAGE.code());
        assertThat(refusedDeploy.err())
                .contains(state.toString(), "read-only file system; fix: choose a writable --state-dir")
                .doesNotContain("internal error", "Exception", "\tat ");
        assertUnchanged(state, before, status);
    }

    /** Nothing half-written: the same files with the same bytes, the one record, and status reads it. */
    private static void assertUnchanged(Path state, Map<String, String> before, GenesisJar.Result status)
            throws IOException {
        assertThat(contents(state)).isEqualTo(before);
        // Read as text: the store itself refuses a directory of another user than the one running this test.
        assertThat(before.get("history.jsonl").lines())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("\"version\":\"1.0.0\"", "\"status\":\"SUCCEEDED\""));
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode document = new ObjectMapper().readTree(status.out());
        assertThat(document.get("inProgress")).isEmpty();
        assertThat(document.get("problems")).isEmpty();
        assertThat(status.err()).doesNotContain("internal error", "Exception");
    }

    private static String[] deploy(Path state, String version) {
        return List.of(
                        "deploy",
                        "--state-dir",
                        state.toString(),
                        "--application",
                        "shop",
                        "--commit",
                        CommandLines.COMMIT,
                        "--environment",
                        "staging",
                        "--target",
                        "sandbox",
                        "--version",
                        version,
                        "--steps",
                        STEPS)
                .toArray(String[]::new);
    }

    /** Every file below {@code dir} with its content, by relative path. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Runs {@code command}; what it printed when it failed, else the empty string. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notThere) {
            return command[0] + ": " + notThere.getMessage();
        }
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        return ended && process.exitValue() == 0 ? "" : command[0] + " exited " + process.exitValue() + ": " + said;
    }
}
