package io.genesis.sandbox.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.sandbox.net.Loopback;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.SampleService;
import io.genesis.sandbox.testing.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadGeneratorITest {

    @Test
    void shouldSendExactlyTheRequestCount() throws Exception {
        try (SampleService service =
                SampleService.start("1.0.0", 0, FaultProfile.none().failing(10))) {
            LoadPlan plan = LoadPlan.to(service.baseUri())
                    .requests(200)
                    .concurrency(4)
                    .countBy(SampleService.VERSION_HEADER)
                    .build();

            LoadReport report = LoadGenerator.run(plan);

            assertThat(report.sent()).isEqualTo(200);
            assertThat(report.answered()).isEqualTo(200);
            assertThat(report.count(500)).isEqualTo(20);
            assertThat(report.successes()).isEqualTo(180);
            assertThat(report.countWithHeader("1.0.0")).isEqualTo(200);
            assertThat(report.latency().count()).isEqualTo(200);
            assertThat(report.throughput()).isPositive();
        }
    }

    @Test
    void shouldStopByItselfAfterTheDuration() throws Exception {
        try (SampleService service = SampleService.start("1.0.0", 0, FaultProfile.none())) {
            LoadPlan plan = LoadPlan.to(service.baseUri())
                    .duration(Duration.ofMillis(300))
                    .concurrency(2)
                    .thinkTime(Duration.ofMillis(5))
                    .build();

            LoadReport report = LoadGenerator.run(plan);

            assertThat(report.elapsed()).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
            assertThat(report.sent()).isPositive();
            assertThat(report.countWithHeader(LoadGenerator.NONE)).isEqualTo(report.answered());
        }
    }

    @Test
    void shouldCountRequestsThatGetNoAnswerAsFailures() throws Exception {
        LoadPlan plan = LoadPlan.to(Loopback.httpUri(Loopback.freePort()))
                .requests(5)
                .concurrency(1)
                .build();

        LoadReport report = LoadGenerator.run(plan);

        assertThat(report.sent()).isEqualTo(5);
        assertThat(report.failures()).isEqualTo(5);
        assertThat(report.answered()).isZero();
        assertThat(report.latency().p95()).isEmpty();
    }

    @Test
    void shouldStopEarlyWhenAsked() throws Exception {
        try (SampleService service = SampleService.start("1.0.0", 0, FaultProfile.none())) {
            RunningLoad running = LoadGenerator.start(LoadPlan.to(service.baseUri())
                    .duration(Duration.ofMinutes(5))
                    .concurrency(2)
                    .build());
            Await.until("some requests completed", Duration.ofSeconds(5), () -> running.completed() >= 10);

            running.stop();
            LoadReport report = running.await(Duration.ofSeconds(5));

            assertThat(running.isDone()).isTrue();
            assertThat(report.sent()).isGreaterThanOrEqualTo(10);
            assertThat(report.elapsed()).isLessThan(Duration.ofMinutes(1));
        }
    }
}
