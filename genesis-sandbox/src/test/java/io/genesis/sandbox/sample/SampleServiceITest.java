package io.genesis.sandbox.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.slot.SlotKind;
import io.genesis.sandbox.testing.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class SampleServiceITest {

    @Test
    void shouldAnswerItsVersionAndHealth() {
        try (SampleService service = SampleService.start("1.4.0", 0, FaultProfile.none())) {
            HttpResponse<String> root = Http.get(service.baseUri().resolve("/"));
            HttpResponse<String> health = Http.get(service.baseUri().resolve("/health"));
            HttpResponse<String> other = Http.get(service.baseUri().resolve("/admin"));

            SoftAssertions.assertSoftly(softly -> {
                softly.assertThat(root.statusCode()).isEqualTo(200);
                softly.assertThat(root.body()).isEqualTo("1.4.0");
                softly.assertThat(root.headers().firstValue(SampleService.VERSION_HEADER))
                        .contains("1.4.0");
                softly.assertThat(health.statusCode()).isEqualTo(200);
                softly.assertThat(health.body()).isEqualTo("UP");
                softly.assertThat(other.statusCode()).isEqualTo(404);
                softly.assertThat(service.baseUri().getHost()).isEqualTo("127.0.0.1");
            });
        }
    }

    @Test
    void shouldFailExactlyTheConfiguredShare() {
        try (SampleService service =
                SampleService.start("2.0.0", 0, FaultProfile.none().failing(20))) {
            int failures = 0;
            for (int i = 0; i < 50; i++) {
                if (Http.get(service.baseUri()).statusCode() == 500) {
                    failures++;
                }
            }

            assertThat(failures).isEqualTo(10);
        }
    }

    @Test
    void shouldAddLatencyWithoutFailingHealth() {
        Duration latency = Duration.ofMillis(150);
        try (SampleService service =
                SampleService.start("2.0.0", 0, FaultProfile.none().slowedBy(latency))) {
            long start = System.nanoTime();
            HttpResponse<String> answer = Http.get(service.baseUri());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(took).isGreaterThanOrEqualTo(latency);
        }
    }

    @Test
    void shouldChangeFaultsWhileRunning() {
        try (SampleService service = SampleService.start("2.0.0", 0, FaultProfile.none())) {
            assertThat(Http.get(service.baseUri()).statusCode()).isEqualTo(200);

            service.faults(FaultProfile.none().failing(100).unhealthy());

            assertThat(service.faults().healthy()).isFalse();
            assertThat(Http.get(service.baseUri()).statusCode()).isEqualTo(500);
            assertThat(Http.get(service.baseUri().resolve("/health")).statusCode())
                    .isEqualTo(503);
        }
    }

    @Test
    void shouldStopListeningWhenStopped() {
        SampleService service = SampleService.start("1.0.0", 0, FaultProfile.none());
        service.stop();

        assertThat(service.isRunning()).isFalse();
        assertThatThrownBy(() -> Http.get(service.baseUri())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void shouldLaunchInProcessSlotsWithTheFaultsOfTheirVersion() {
        InProcessSlotLauncher launcher = InProcessSlotLauncher.healthy()
                .withFaults("2.0.0-bad", FaultProfile.none().failing(100));

        try (InProcessSlot good = launcher.launch(SlotId.of("slot-1"), "1.0.0");
                InProcessSlot bad = launcher.launch(SlotId.of("slot-2"), "2.0.0-bad")) {
            assertThat(good.kind()).isEqualTo(SlotKind.IN_PROCESS);
            assertThat(good.isRunning()).isTrue();
            assertThat(Http.get(good.baseUri()).statusCode()).isEqualTo(200);
            assertThat(Http.get(bad.baseUri()).statusCode()).isEqualTo(500);
            assertThat(bad.service().faults().failureShare().value()).isEqualTo(100);
        }
    }

    @Test
    void shouldRejectInvalidStartArguments() {
        assertThatThrownBy(() -> SampleService.start("bad version", 0, FaultProfile.none()))
                .hasMessageContaining("version must start");
        assertThatThrownBy(() -> SampleService.start("1.0.0", 70_000, FaultProfile.none()))
                .hasMessageContaining("port must be 0");
    }
}
