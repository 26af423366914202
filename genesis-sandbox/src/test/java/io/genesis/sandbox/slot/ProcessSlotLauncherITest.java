package io.genesis.sandbox.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.sandbox.sample.SampleServiceMain;
import io.genesis.sandbox.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSlotLauncherITest {

    @TempDir
    Path logs;

    @Test
    void shouldStartAChildProcessAndWaitUntilItIsHealthy() {
        ProcessSlotLauncher launcher = ProcessSlotLauncher.of(SampleServiceMain.commandTemplate())
                .withLogDirectory(logs)
                .withStartTimeout(Duration.ofSeconds(20));

        ProcessSlot slot = launcher.launch(SlotId.of("slot-7"), "3.1.0");
        try {
            HttpResponse<String> answer = Http.get(slot.baseUri());

            assertThat(slot.kind()).isEqualTo(SlotKind.CHILD_PROCESS);
            assertThat(slot.isRunning()).isTrue();
            assertThat(answer.body()).isEqualTo("3.1.0");
            assertThat(slot.logFile()).exists().hasParent(logs);
            assertThat(slot.toString()).contains("slot-7", "3.1.0", "pid " + slot.pid());
        } finally {
            slot.stop();
        }

        assertThat(slot.isRunning()).isFalse();
        assertThat(ProcessHandle.of(slot.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void shouldKillAProcessThatDoesNotStopPolitely() {
        ProcessSlotLauncher launcher = ProcessSlotLauncher.of(
                        SampleServiceMain.commandTemplate("--shutdown-delay-ms", "30000"))
                .withLogDirectory(logs)
                .withStartTimeout(Duration.ofSeconds(20))
                .withStopGrace(Duration.ofMillis(200));
        ProcessSlot slot = launcher.launch(SlotId.of("slot-1"), "1.0.0");

        long start = System.nanoTime();
        slot.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(slot.isRunning()).isFalse();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldGiveUpOnAProcessThatNeverBecomesHealthy() {
        ProcessSlotLauncher launcher = ProcessSlotLauncher.of(SampleServiceMain.commandTemplate("--unhealthy"))
                .withLogDirectory(logs)
                .withStartTimeout(Duration.ofMillis(1500))
                .withStopGrace(Duration.ofSeconds(2));

        long start = System.nanoTime();
        assertThatThrownBy(() -> launcher.launch(SlotId.of("slot-2"), "2.0.0"))
                .isInstanceOf(SlotStartException.class)
                .hasMessageContaining("slot-2 (2.0.0) was not ready within 1500 ms")
                .hasMessageContaining("it was stopped");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(8));
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(ProcessHandle::isAlive)
                        .count())
                .isZero();
    }

    @Test
    void shouldReportAProcessThatExitsBeforeItIsReady() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessSlotLauncher launcher = ProcessSlotLauncher.of(
                        CommandTemplate.of(java, "-Dport={port}", "-cp", logs.toString(), "NoSuchMainClass"))
                .withLogDirectory(logs);

        assertThatThrownBy(() -> launcher.launch(SlotId.of("slot-3"), "1.0.0"))
                .isInstanceOf(SlotStartException.class)
                .hasMessageContaining("slot-3 (1.0.0) exited with code 1 before it became ready")
                .hasMessageContaining("see " + logs);
        try (var files = Files.list(logs)) {
            assertThat(files).anyMatch(file -> file.getFileName().toString().startsWith("slot-3-1.0.0-"));
        }
    }

    @Test
    void shouldReportAProgramThatDoesNotExist() {
        ProcessSlotLauncher launcher = ProcessSlotLauncher.of(
                        CommandTemplate.of(logs.resolve("no-such-program").toString(), "{port}"))
                .withLogDirectory(logs);

        assertThatThrownBy(() -> launcher.launch(SlotId.of("slot-4"), "1.0.0"))
                .isInstanceOf(SlotStartException.class)
                .hasMessageContaining("could not start slot-4 with program");
    }

    @Test
    void shouldRejectNonPositiveTimeouts() {
        ProcessSlotLauncher launcher = ProcessSlotLauncher.of(SampleServiceMain.commandTemplate());

        assertThatThrownBy(() -> launcher.withStartTimeout(Duration.ZERO)).hasMessageContaining("startTimeout");
        assertThatThrownBy(() -> launcher.withStopGrace(Duration.ofMillis(-1))).hasMessageContaining("stopGrace");
    }
}
