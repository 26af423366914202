package io.genesis.sandbox.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import io.genesis.sandbox.metrics.MetricsSnapshot;
import io.genesis.sandbox.metrics.RequestMetrics;
import io.genesis.sandbox.metrics.RequestOutcome;
import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.net.Loopback;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.SampleService;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.testing.Await;
import io.genesis.sandbox.testing.Http;
import io.genesis.sandbox.testing.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeightedProxyITest {

    private static final SlotId BLUE = SlotId.of("blue");
    private static final SlotId GREEN = SlotId.of("green");
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ManualClock clock = ManualClock.atStartOf2026();
    private final RequestMetrics metrics = new RequestMetrics(clock, new WindowLayout(Duration.ofSeconds(1), 120));
    private SampleService blue;
    private SampleService green;
    private WeightedProxy proxy;

    @BeforeEach
    void startSlotsAndProxy() {
        blue = SampleService.start("1.0.0", 0, FaultProfile.none());
        green = SampleService.start("2.0.0", 0, FaultProfile.none());
        proxy = WeightedProxy.start(ProxyConfig.defaults().withRequestTimeout(Duration.ofSeconds(5)), metrics);
        proxy.register(BLUE, blue.baseUri());
        proxy.register(GREEN, green.baseUri());
    }

    @AfterEach
    void stopAll() {
        proxy.close();
        blue.stop();
        green.stop();
    }

    /** Metrics once every answered request has been recorded. */
    private MetricsSnapshot settledMetrics() {
        Await.until("the proxy has no request in flight", Duration.ofSeconds(5), () -> proxy.inFlight() == 0);
        return metrics.snapshot(WINDOW);
    }

    @Test
    void shouldSplitTrafficExactlyByWeight() {
        proxy.setWeights(Weights.split(BLUE, GREEN, 30));

        Map<String, Integer> bySlot = new HashMap<>();
        Map<String, Integer> byVersion = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> answer = Http.get(proxy.uri());
            bySlot.merge(answer.headers().firstValue(WeightedProxy.SLOT_HEADER).orElse("none"), 1, Integer::sum);
            byVersion.merge(answer.body(), 1, Integer::sum);
        }

        assertThat(bySlot).containsOnly(Map.entry("blue", 70), Map.entry("green", 30));
        assertThat(byVersion).containsOnly(Map.entry("1.0.0", 70), Map.entry("2.0.0", 30));
        MetricsSnapshot snapshot = settledMetrics();
        assertThat(snapshot.slot(BLUE).requestCount()).isEqualTo(70);
        assertThat(snapshot.slot(GREEN).requestCount()).isEqualTo(30);
        assertThat(snapshot.overall().requestCount()).isEqualTo(100);
    }

    @Test
    void shouldSwitchWeightsWithoutDroppingRequestsInFlight() {
        // Slow enough that all 20 are surely in flight together even on a busy machine.
        blue.faults(FaultProfile.none().slowedBy(Duration.ofMillis(1500)));
        proxy.setWeights(Weights.all(BLUE));
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inFlight.add(Http.getAsync(proxy.uri()));
        }
        Await.until("20 requests are in flight to blue", Duration.ofSeconds(5), () -> proxy.inFlight(BLUE) == 20);

        proxy.setWeights(Weights.all(GREEN));
        HttpResponse<String> after = Http.get(proxy.uri());

        assertThat(after.headers().firstValue(WeightedProxy.SLOT_HEADER)).contains("green");
        assertThat(proxy.effectiveWeights()).contains(Weights.all(GREEN));
        assertThat(proxy.inFlight(BLUE))
                .as("slow requests still running after the switch")
                .isEqualTo(20);
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
        SoftAssertions.assertSoftly(softly -> {
            for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                HttpResponse<String> answer = request.join();
                softly.assertThat(answer.statusCode()).isEqualTo(200);
                softly.assertThat(answer.body()).isEqualTo("1.0.0");
            }
        });
        assertThat(proxy.awaitDrained(BLUE, Duration.ofSeconds(2))).isTrue();
        assertThat(proxy.inFlight()).isZero();
        assertThat(settledMetrics().slot(BLUE).count(RequestOutcome.SUCCESS)).isEqualTo(20);
    }

    @Test
    void shouldAnswer503UntilWeightsAreSet() {
        HttpResponse<String> answer = Http.get(proxy.uri());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(proxy.effectiveWeights()).isEmpty();
        MetricsSnapshot snapshot = settledMetrics();
        assertThat(snapshot.overall().count(RequestOutcome.NO_ROUTE)).isEqualTo(1);
        assertThat(snapshot.slots()).isEmpty();
    }

    @Test
    void shouldCountServerErrorsOfTheSlotThatAnswered() {
        green.faults(FaultProfile.none().failing(50));
        proxy.setWeights(Weights.split(BLUE, GREEN, 50));

        for (int i = 0; i < 40; i++) {
            Http.get(proxy.uri());
        }

        MetricsSnapshot snapshot = settledMetrics();
        assertThat(snapshot.slot(GREEN).errorRate()).contains(new Percentage(50));
        assertThat(snapshot.slot(BLUE).errorRate()).contains(Percentage.ZERO);
        assertThat(snapshot.overall().errorRate()).contains(new Percentage(25));
        assertThat(snapshot.overall().availability()).contains(new Percentage(75));
    }

    @Test
    void shouldReportASlotThatDoesNotAnswerAsAnUpstreamFailure() {
        SlotId gone = SlotId.of("gone");
        proxy.register(gone, Loopback.httpUri(Loopback.freePort()));
        proxy.setWeights(Weights.all(gone));

        HttpResponse<String> answer = Http.get(proxy.uri());

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(settledMetrics().slot(gone).count(RequestOutcome.UPSTREAM_FAILURE))
                .isEqualTo(1);
        assertThat(proxy.inFlight(gone)).isZero();
    }

    @Test
    void shouldTimeOutASlowSlotWith504() {
        try (WeightedProxy impatient =
                WeightedProxy.start(ProxyConfig.defaults().withRequestTimeout(Duration.ofMillis(200)), metrics)) {
            green.faults(FaultProfile.none().slowedBy(Duration.ofSeconds(3)));
            impatient.register(GREEN, green.baseUri());
            impatient.setWeights(Weights.all(GREEN));

            HttpResponse<String> answer = Http.get(impatient.uri());

            assertThat(answer.statusCode()).isEqualTo(504);
            Await.until("the request is recorded", Duration.ofSeconds(5), () -> impatient.inFlight() == 0);
            assertThat(metrics.snapshot(WINDOW).slot(GREEN).count(RequestOutcome.UPSTREAM_FAILURE))
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldMeasureLatencyAtTheProxy() {
        green.faults(FaultProfile.none().slowedBy(Duration.ofMillis(120)));
        proxy.setWeights(Weights.all(GREEN));

        for (int i = 0; i < 5; i++) {
            Http.get(proxy.uri());
        }

        assertThat(settledMetrics().slot(GREEN).p95Latency())
                .hasValueSatisfying(p95 -> assertThat(p95).isBetween(Duration.ofMillis(120), Duration.ofSeconds(2)));
    }

    @Test
    void shouldPassPathAndQueryThrough() {
        proxy.setWeights(Weights.all(BLUE));

        HttpResponse<String> health = Http.get(proxy.uri().resolve("/health?probe=1"));
        HttpResponse<String> missing = Http.get(proxy.uri().resolve("/nothing"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("UP");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseWeightsForUnknownSlots() {
        assertThatThrownBy(() -> proxy.setWeights(Weights.split(BLUE, SlotId.of("typo"), 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights name typo, which is not registered");
        assertThat(proxy.effectiveWeights()).isEmpty();
    }

    @Test
    void shouldRefuseToForgetASlotThatStillHasTraffic() {
        proxy.setWeights(Weights.split(BLUE, GREEN, 10));

        assertThatThrownBy(() -> proxy.unregister(GREEN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("green still has 10 % of traffic");
    }

    @Test
    void shouldForgetASlotWithoutTrafficAndKeepRouting() {
        proxy.setWeights(Weights.split(BLUE, GREEN, 0));

        proxy.unregister(GREEN);

        assertThat(proxy.effectiveWeights()).contains(Weights.all(BLUE));
        assertThat(Http.get(proxy.uri()).body()).isEqualTo("1.0.0");
        assertThatThrownBy(() -> proxy.unregister(GREEN)).hasMessageContaining("green is not registered");
    }

    @Test
    void shouldRefuseToRegisterASlotTwiceOrOffThisMachine() {
        assertThatThrownBy(() -> proxy.register(BLUE, green.baseUri())).hasMessageContaining("already registered");
        assertThatThrownBy(() -> proxy.register(SlotId.of("far"), java.net.URI.create("http://10.1.2.3:80")))
                .hasMessageContaining("loopback");
    }

    @Test
    void shouldReportADrainThatDidNotFinishInTime() {
        green.faults(FaultProfile.none().slowedBy(Duration.ofMillis(1000)));
        proxy.setWeights(Weights.all(GREEN));
        CompletableFuture<HttpResponse<String>> slow = Http.getAsync(proxy.uri());
        Await.until("the slow request is in flight", Duration.ofSeconds(5), () -> proxy.inFlight(GREEN) == 1);

        boolean drained = proxy.awaitDrained(GREEN, Duration.ofMillis(20));

        assertThat(drained).isFalse();
        assertThat(slow.orTimeout(5, TimeUnit.SECONDS).join().statusCode()).isEqualTo(200);
    }
}
