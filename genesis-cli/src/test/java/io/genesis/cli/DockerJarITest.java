package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.docker.testing.DockerFixture;
import io.genesis.docker.testing.SampleImages;
import io.genesis.docker.testing.Traffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar on the real Docker engine, one process per command: a deploy is killed with SIGKILL
 * while the candidate takes half the traffic, and {@code genesis rollback} in a new process, which knows
 * the host only from what the dead one stored, puts all traffic back on the previous version.
 */
class DockerJarITest {

    @TempDir
    Path dir;

    private DockerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DockerFixture("staging");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldRestoreTrafficFromANewProcessAfterTheDeployingOneWasKilled() throws Exception {
        String image = SampleImages.base(fixture.client());
        fixture.serve(image, "1.0.0", Map.of());
        GenesisJar genesis = GenesisJar.in(dir);
        String application = fixture.key.application();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("genesis.jar", "target/genesis.jar"))
                        .toAbsolutePath()
                        .toString(),
                "deploy",
                "--application",
                application,
                "--environment",
                "staging",
                "--commit",
                "a1b2c3d",
                "--version",
                "2.0.0",
                "--target",
                "docker",
                "--state-dir",
                dir.resolve("state").toString(),
                "--steps",
                "deploy; smoke; weight 50; pause 10m; weight 100; promote"));
        fixture.settings(image, Map.of()).forEach((key, value) -> {
            command.add("--target-option");
            command.add(key + "=" + value);
        });
        command.add("--target-option");
        command.add("host=" + fixture.engine.host());
        Path log = dir.resolve("deploy.txt");
        Process deploy = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (Traffic.count(fixture.proxyPort, 10).getOrDefault("2.0.0", 0) == 0) {
                assertThat(deploy.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime())
                        .as("2.0.0 takes traffic: " + Files.readString(log))
                        .isLessThan(deadline);
                DockerFixture.pause(100);
            }
        } finally {
            deploy.destroyForcibly();
            deploy.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Traffic.count(fixture.proxyPort, 20))
                .as("the proxy keeps serving after its deployer died")
                .containsOnlyKeys("1.0.0", "2.0.0");

        long start = System.nanoTime();
        GenesisJar.Result rolledBack = genesis.run(
                "rollback",
                "--application",
                application,
                "--environment",
                "staging",
                "--reason",
                "INC-12: deployer killed",
                "--state-dir",
                dir.resolve("state").toString());
        double millis = (System.nanoTime() - start) / 1e6;
        // A figure for docs/performance.md (not asserted): the whole command, JVM start to exit.
        Files.writeString(
                Path.of("target", "docker-cli-rollback.txt"),
                String.format(
                        "genesis rollback process, start to exit (traffic back before it exits): %.0f ms%n", millis));

        assertThat(rolledBack.exitCode())
                .as(rolledBack.out() + rolledBack.err())
                .isZero();
        assertThat(rolledBack.out()).contains("ROLLED_BACK");
        assertThat(Traffic.count(fixture.proxyPort, 20)).containsOnlyKeys("1.0.0");
        assertThat(fixture.runs("2.0.0")).as("the candidate is retired").isFalse();
    }
}
