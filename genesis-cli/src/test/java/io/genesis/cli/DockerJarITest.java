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
 * the host only from what the dead one stored, puts all traffic back on the previous version; and a
 * second deploy with a state directory of its own queues behind the host-wide lock of the first.
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
        Path log = dir.resolve("deploy.txt");
        Process deploy = start(deploy(image, "2.0.0", dir.resolve("state")), log);
        try {
            awaitTraffic("2.0.0", deploy, log);
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

    @Test
    void shouldQueueASecondProcessWithItsOwnStateDirectoryWhileTheFirstHoldsTheHostsLock() throws Exception {
        String image = SampleImages.base(fixture.client());
        fixture.serve(image, "1.0.0", Map.of());
        Path firstLog = dir.resolve("first.txt");
        Path secondLog = dir.resolve("second.txt");
        Process first = start(deploy(image, "2.0.0", dir.resolve("state-a")), firstLog);
        Process second = null;
        try {
            awaitTraffic("2.0.0", first, firstLog);

            // Another pipeline on the same host, with a state directory of its own: it knows nothing of the first
            // rollout but the lock file the target keeps beside the proxy.
            second = start(deploy(image, "3.0.0", dir.resolve("state-b")), secondLog);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(secondLog).contains("is locked by rollout")) {
                assertThat(second.isAlive()).as(Files.readString(secondLog)).isTrue();
                assertThat(System.nanoTime())
                        .as("the second deploy says it waits: " + Files.readString(secondLog))
                        .isLessThan(deadline);
                DockerFixture.pause(100);
            }

            assertThat(Files.readString(secondLog))
                    .contains("queued: " + fixture.key.application() + " in staging is locked by rollout")
                    .contains("waiting for it to end")
                    .doesNotContain("took the lock");
            assertThat(second.isAlive()).as("queued, not ended").isTrue();
            assertThat(fixture.runs("3.0.0"))
                    .as("nothing of the second deploy started")
                    .isFalse();
            assertThat(Traffic.count(fixture.proxyPort, 20)).containsOnlyKeys("1.0.0", "2.0.0");
            assertThat(Files.readString(firstLog)).doesNotContain("queued");
        } finally {
            for (Process process : second == null ? List.of(first) : List.of(first, second)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code genesis deploy} of {@code version} to the fixture's host, pausing 10 min at 50 %. */
    private List<String> deploy(String image, String version, Path stateDir) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("genesis.jar", "target/genesis.jar"))
                        .toAbsolutePath()
                        .toString(),
                "deploy",
                "--application",
                fixture.key.application(),
                "--environment",
                "staging",
                "--commit",
                "a1b2c3d",
                "--version",
                version,
                "--target",
                "docker",
                "--state-dir",
                stateDir.toString(),
                "--steps",
                "deploy; smoke; weight 50; pause 10m; weight 100; promote"));
        fixture.settings(image, Map.of()).forEach((key, value) -> {
            command.add("--target-option");
            command.add(key + "=" + value);
        });
        command.add("--target-option");
        command.add("host=" + fixture.engine.host());
        return command;
    }

    private Process start(List<String> command, Path log) throws java.io.IOException {
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Waits until {@code version} answers through the proxy, while {@code deploy} keeps running. */
    private void awaitTraffic(String version, Process deploy, Path log) throws java.io.IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (Traffic.count(fixture.proxyPort, 10).getOrDefault(version, 0) == 0) {
            assertThat(deploy.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(System.nanoTime())
                    .as(version + " takes traffic: " + Files.readString(log))
                    .isLessThan(deadline);
            DockerFixture.pause(100);
        }
    }
}
