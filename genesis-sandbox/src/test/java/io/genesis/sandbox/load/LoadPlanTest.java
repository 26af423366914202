package io.genesis.sandbox.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.sandbox.proxy.WeightedProxy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadPlanTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/");

    @Test
    void shouldNeedABoundSoItStopsByItself() {
        assertThatThrownBy(() -> LoadPlan.to(TARGET).concurrency(2).build())
                .hasMessageContaining("needs requests(n) or duration(d)");
    }

    @Test
    void shouldKeepWhatItWasGiven() {
        LoadPlan plan = LoadPlan.to(TARGET)
                .requests(500)
                .duration(Duration.ofSeconds(3))
                .concurrency(8)
                .requestTimeout(Duration.ofSeconds(1))
                .thinkTime(Duration.ofMillis(5))
                .countBy("X-Genesis-Version")
                .build();

        assertThat(plan.target()).isEqualTo(TARGET);
        assertThat(plan.maxRequests()).hasValue(500);
        assertThat(plan.maxDuration()).contains(Duration.ofSeconds(3));
        assertThat(plan.concurrency()).isEqualTo(8);
        assertThat(plan.requestTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(plan.thinkTime()).isEqualTo(Duration.ofMillis(5));
        assertThat(plan.countedHeader()).isEqualTo("X-Genesis-Version");
        assertThat(plan).hasToString("GET http://127.0.0.1:8080/ with 8 workers, stop after 500 requests or 3000 ms");
    }

    @Test
    void shouldCountBySlotByDefault() {
        LoadPlan plan = LoadPlan.to(TARGET).duration(Duration.ofSeconds(1)).build();

        assertThat(plan.countedHeader()).isEqualTo(WeightedProxy.SLOT_HEADER);
        assertThat(plan.maxRequests()).isEmpty();
        assertThat(plan.concurrency()).isEqualTo(4);
        assertThat(plan).hasToString("GET http://127.0.0.1:8080/ with 4 workers, stop after 1000 ms");
    }

    @Test
    void shouldOnlySendLoadToThisMachine() {
        assertThatThrownBy(() -> LoadPlan.to(URI.create("http://203.0.113.5:80/")))
                .hasMessageContaining("load target must be on the loopback interface");
    }

    @ParameterizedTest
    @CsvSource({"0, false", "1, true", "10000000, true", "10000001, false"})
    void shouldBoundTheRequestCount(long requests, boolean valid) {
        if (valid) {
            assertThat(LoadPlan.to(TARGET).requests(requests).build().maxRequests())
                    .hasValue(requests);
        } else {
            assertThatThrownBy(() -> LoadPlan.to(TARGET).requests(requests))
                    .hasMessageContaining("requests must be between 1 and 10000000");
        }
    }

    @ParameterizedTest
    @CsvSource({"PT0S, false", "PT0.001S, true", "PT1H, true", "PT1H0.001S, false"})
    void shouldBoundTheDuration(Duration duration, boolean valid) {
        if (valid) {
            assertThat(LoadPlan.to(TARGET).duration(duration).build().maxDuration())
                    .contains(duration);
        } else {
            assertThatThrownBy(() -> LoadPlan.to(TARGET).duration(duration))
                    .hasMessageContaining("duration must be positive and at most PT1H");
        }
    }

    @ParameterizedTest
    @CsvSource({"0, false", "1, true", "256, true", "257, false"})
    void shouldBoundTheConcurrency(int workers, boolean valid) {
        if (valid) {
            assertThat(LoadPlan.to(TARGET)
                            .requests(1)
                            .concurrency(workers)
                            .build()
                            .concurrency())
                    .isEqualTo(workers);
        } else {
            assertThatThrownBy(() -> LoadPlan.to(TARGET).concurrency(workers))
                    .hasMessageContaining("concurrency must be between 1 and 256");
        }
    }

    @Test
    void shouldRejectBadTimesAndHeaders() {
        LoadPlan.Builder builder = LoadPlan.to(TARGET);

        assertThatThrownBy(() -> builder.requestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> builder.requestTimeout(Duration.ofMinutes(6))).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> builder.thinkTime(Duration.ofMillis(-1))).hasMessageContaining("thinkTime");
        assertThatThrownBy(() -> builder.thinkTime(Duration.ofMinutes(2))).hasMessageContaining("thinkTime");
        assertThatThrownBy(() -> builder.countBy("X Slot")).hasMessageContaining("header name");
    }
}
