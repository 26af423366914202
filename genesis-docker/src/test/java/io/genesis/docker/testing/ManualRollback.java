package io.genesis.docker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The release guide's manual rollback on the test engine, with the {@code docker} command: a container of
 * the bad version runs on the host network; {@code docker stop -t 1} it, {@code docker run} the previous
 * version on the same port, and wait until it answers. Measured beside Genesis' rollbacks in the same run.
 */
public final class ManualRollback {

    private ManualRollback() {}

    /** The {@code docker} command, when the machine has one. */
    public static Optional<String> dockerCommand() {
        for (String path : List.of("/usr/bin/docker", "/usr/local/bin/docker")) {
            if (Files.isExecutable(Path.of(path))) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** Milliseconds from {@code docker stop} of the bad container until the previous one answers. */
    public static double measure(DockerFixture fixture, String docker, String image, int round)
            throws IOException, InterruptedException {
        int port = DockerFixture.freePort();
        String name = "manual-" + fixture.key.application() + "-" + round;
        run(
                fixture,
                docker,
                "run",
                "-d",
                "--name",
                name,
                "--network",
                "host",
                "-e",
                "PORT=" + port,
                "-e",
                "GENESIS_VERSION=2.0.0",
                image);
        awaitAnswer(port, "2.0.0");

        long start = System.nanoTime();
        run(fixture, docker, "stop", "-t", "1", name);
        run(
                fixture,
                docker,
                "run",
                "-d",
                "--name",
                name + "-previous",
                "--network",
                "host",
                "-e",
                "PORT=" + port,
                "-e",
                "GENESIS_VERSION=1.0.0",
                image);
        awaitAnswer(port, "1.0.0");
        double millis = (System.nanoTime() - start) / 1e6;

        run(fixture, docker, "rm", "-f", name, name + "-previous");
        return millis;
    }

    private static void awaitAnswer(int port, String version) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Traffic.once(port).equals(version)) {
            assertThat(System.nanoTime()).as(version + " answers on " + port).isLessThan(deadline);
            DockerFixture.pause(5);
        }
    }

    private static void run(DockerFixture fixture, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_HOST", fixture.engine.host().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0)
                .as(String.join(" ", command) + ": " + output)
                .isTrue();
    }
}
