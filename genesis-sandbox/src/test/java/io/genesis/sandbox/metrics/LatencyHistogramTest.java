package io.genesis.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyHistogramTest {

    @Test
    void shouldKeepEveryValueBelow128MicrosecondsExact() {
        for (long micros = 0; micros < 128; micros++) {
            assertThat(LatencyHistogram.highestValueOf(LatencyHistogram.indexOf(micros)))
                    .isEqualTo(micros);
        }
    }

    @Test
    void shouldNeverReportBelowTheValueNorMoreThanOneSixtyFourthAbove() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            long micros = 128 + random.nextLong(LatencyHistogram.MAX_MICROS - 128);
            long reported = LatencyHistogram.highestValueOf(LatencyHistogram.indexOf(micros));

            assertThat(reported).isGreaterThanOrEqualTo(micros);
            assertThat(reported - micros).isLessThanOrEqualTo(micros / 64);
        }
    }

    @ParameterizedTest(name = "{0} µs -> bucket {1}")
    @CsvSource({
        "127, 127",
        "128, 128",
        "129, 128",
        "130, 129",
        "255, 191",
        "256, 192",
        "2147483647, 1663",
        "9999999999, 1663",
        "-5, 0"
    })
    void shouldPlaceBucketBoundariesAtPowersOfTwo(long micros, int index) {
        assertThat(LatencyHistogram.indexOf(micros)).isEqualTo(index);
    }

    @Test
    void shouldUseEveryBucketUpToTheLast() {
        assertThat(LatencyHistogram.indexOf(LatencyHistogram.MAX_MICROS)).isEqualTo(LatencyHistogram.BUCKETS - 1);
        assertThat(LatencyHistogram.highestValueOf(LatencyHistogram.BUCKETS - 1))
                .isEqualTo(LatencyHistogram.MAX_MICROS);
        for (int index = 1; index < LatencyHistogram.BUCKETS; index++) {
            long lowest = LatencyHistogram.highestValueOf(index - 1) + 1;
            assertThat(LatencyHistogram.indexOf(lowest)).isEqualTo(index);
        }
    }

    @ParameterizedTest
    @CsvSource({"PT0S, 0", "PT0.000000999S, 0", "PT0.001S, 1000", "PT-1S, 0", "PT2147S, 2147000000", "PT1H, 2147483647"
    })
    void shouldConvertDurationsToMicrosecondsWithinRange(Duration latency, long micros) {
        assertThat(LatencyHistogram.toMicros(latency)).isEqualTo(micros);
    }

    @Test
    void shouldAddAndClearCounts() {
        LatencyHistogram first = new LatencyHistogram();
        LatencyHistogram second = new LatencyHistogram();
        first.record(Duration.ofMillis(1));
        second.record(Duration.ofMillis(2));
        second.record(Duration.ofMillis(3));

        first.add(second);

        assertThat(first.count()).isEqualTo(3);
        assertThat(first.snapshot().percentile(100))
                .contains(Duration.ofNanos(LatencyHistogram.highestValueOf(LatencyHistogram.indexOf(3_000)) * 1_000));
        first.clear();
        assertThat(first.count()).isZero();
        assertThat(first.snapshot().p95()).isEmpty();
    }
}
