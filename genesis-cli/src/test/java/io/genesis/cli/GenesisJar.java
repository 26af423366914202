package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the shaded jar as users run it, {@code java -jar genesis.jar ...}, each time in a new process. */
final class GenesisJar {

    private final Path jar;
    private final Path directory;
    private final List<String> launcher;

    private GenesisJar(Path jar, Path directory, List<String> launcher) {
        this.jar = jar;
        this.directory = directory;
        this.launcher = List.copyOf(launcher);
    }

    /** The jar 'package' built, run in {@code directory}. */
    static GenesisJar in(Path directory) {
        Path jar =
                Path.of(System.getProperty("genesis.jar", "target/genesis.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar (built by 'package')").isRegularFile();
        return new GenesisJar(jar, directory, List.of());
    }

    /**
     * The same jar, each run started through {@code launcher} (such as {@code setpriv --reuid=65534 ...}, to
     * run it as another user).
     */
    GenesisJar through(String... launcher) {
        return new GenesisJar(jar, directory, List.of(launcher));
    }

    /** What one run printed and how it ended. */
    record Result(int exitCode, String out, String err) {}

    Result run(String... args) throws IOException, InterruptedException {
        return start(args).await();
    }

    /** A run that has started and goes on by itself, such as {@code genesis serve}, or one a test kills. */
    record Running(Process process, Path out, Path err) {

        /** Waits for the process to end by itself (at most a minute) and reads what it printed. */
        Result await() throws IOException, InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("genesis finished")
                    .isTrue();
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }

        /**
         * Kills it with SIGKILL (as {@code kill -9}) after {@code millis}, unless it ends before: a deploy that
         * ended by itself must have run its rollout to the end, whether that succeeded (exit 0) or ended failed or
         * rolled back (exit 1: a canary with no traffic to analyse halts and is rolled back within seconds when
         * nobody is at a terminal), and never stopped at its command line (2) or on an internal error (4).
         *
         * @return whether it had ended by itself
         */
        boolean killAfter(long millis) throws IOException, InterruptedException {
            boolean ended = process.waitFor(millis, TimeUnit.MILLISECONDS);
            if (ended) {
                assertThat(process.exitValue())
                        .as(
                                "ended by itself before its kill:%n%s%s",
                                outSoFar(), Files.readString(err, StandardCharsets.UTF_8))
                        .isIn(ExitCode.PASSED.code(), ExitCode.FAILED.code());
            } else {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            return ended;
        }

        /** What it printed so far. */
        String outSoFar() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }
    }

    /** Starts {@code genesis args} and returns at once. */
    Running start(String... args) throws IOException {
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        return new Running(builder(out, err, args).start(), out, err);
    }

    private ProcessBuilder builder(Path out, Path err, String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // Every run of one test shares a state directory of the test's own, never the user's.
        builder.environment().put(StateDir.VARIABLE, directory.resolve("state").toString());
        return builder;
    }
}
