package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.docker.testing.DockerFixture;
import io.genesis.docker.testing.Load;
import io.genesis.docker.testing.ManualRollback;
import io.genesis.docker.testing.SampleImages;
import io.genesis.docker.testing.Traffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Also the figures of docs/performance.md: {@code genesis rollback}'s process start to traffic restored
     * (the first request after which a client polling through the proxy every 2 ms gets only the previous
     * version), and to its exit, beside {@code docker stop} + {@code docker run} measured in the same run;
     * written to {@code target/docker-cli-rollback.txt}, never asserted. One round; {@code
     * -Dgenesis.rollbackRounds=N} runs N.
     */
    @Test
    void shouldRestoreTrafficFromANewProcessAfterTheDeployingOneWasKilled() throws Exception {
        String image = SampleImages.base(fixture.client());
        fixture.serve(image, "1.0.0", Map.of());
        GenesisJar genesis = GenesisJar.in(dir);
        String application = fixture.key.application();
        int rounds = Integer.getInteger("genesis.rollbackRounds", 1);
        List<Double> restored = new ArrayList<>();
        List<Double> exited = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            String version = "2.0." + round;
            Path log = dir.resolve("deploy-" + round + ".txt");
            Process deploy = start(deploy(image, version, dir.resolve("state")), log);
            try {
                awaitTraffic(version, deploy, log);
            } finally {
                deploy.destroyForcibly();
                deploy.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(Traffic.count(fixture.proxyPort, 20))
                    .as("the proxy keeps serving after its deployer died")
                    .containsOnlyKeys("1.0.0", version);

            GenesisJar.Result rolledBack;
            long start;
            long end;
            try (Load client = Load.start(fixture.proxyPort, 1)) {
                start = System.nanoTime();
                rolledBack = genesis.run(
                        "rollback",
                        "--application",
                        application,
                        "--environment",
                        "staging",
                        "--reason",
                        "INC-12: deployer killed",
                        "--state-dir",
                        dir.resolve("state").toString());
                end = System.nanoTime();
                System.out.println("genesis rollback, round " + round + ":\n" + rolledBack.out() + rolledBack.err());
                while (client.answers().stream()
                                .filter(answer -> answer.sent() > end)
                                .count()
                        < 20) {
                    DockerFixture.pause(5);
                }
                client.close();
                long back = client.allFrom("1.0.0")
                        .orElseThrow(() -> new AssertionError("1.0.0 never took all traffic: " + client.counts()));
                assertThat(client.counts())
                        .as("every request answered, by one version or the other")
                        .containsOnlyKeys("1.0.0", version);
                assertThat(back)
                        .as("traffic was split when the rollback started")
                        .isGreaterThan(start);
                assertThat(back).as("traffic is back before the process ends").isLessThan(end);
                restored.add((back - start) / 1e6);
                exited.add((end - start) / 1e6);
            }

            assertThat(rolledBack.exitCode())
                    .as(rolledBack.out() + rolledBack.err())
                    .isZero();
            assertThat(rolledBack.out()).contains("ROLLED_BACK");
            assertThat(Traffic.count(fixture.proxyPort, 20)).containsOnlyKeys("1.0.0");
            assertThat(fixture.runs(version)).as("the candidate is retired").isFalse();
        }
        List<Double> manual = new ArrayList<>();
        Optional<String> docker = ManualRollback.dockerCommand();
        for (int round = 0; docker.isPresent() && round < rounds; round++) {
            manual.add(ManualRollback.measure(fixture, docker.get(), image, round));
        }
        // Figures for docs/performance.md (not asserted).
        Files.writeString(
                Path.of("target", "docker-cli-rollback.txt"),
                String.format(
                        "genesis rollback process, %d round(s), ms: start to traffic restored %s; start to exit %s;"
                                + " docker stop + docker run until the previous version answers %s%n",
                        rounds, round(restored), round(exited), docker.isPresent() ? round(manual) : "(no docker)"));
    }

    private static List<Long> round(List<Double> millis) {
        return millis.stream().map(Math::round).toList();
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
