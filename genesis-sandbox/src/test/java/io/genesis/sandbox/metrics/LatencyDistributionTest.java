package io.genesis.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyDistributionTest {

    @Test
    void shouldHaveNoPercentileWithoutData() {
        assertThat(LatencyDistribution.empty().p95()).isEmpty();
        assertThat(LatencyDistribution.empty().count()).isZero();
        assertThat(LatencyDistribution.empty()).hasToString("no latencies");
    }

    @ParameterizedTest(name = "p{0} of 1..100 ms is {1} ms")
    @CsvSource({"1, 1", "50, 50", "94.9, 95", "95, 95", "95.1, 96", "99, 99", "100, 100"})
    void shouldUseTheNearestRankOnAUniformDistribution(double percentile, long expectedMillis) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long millis = 100; millis >= 1; millis--) {
            histogram.record(Duration.ofMillis(millis));
        }

        Duration reported = histogram.snapshot().percentile(percentile).orElseThrow();

        assertWithinBucketPrecision(reported, expectedMillis * 1_000);
    }

    @Test
    void shouldReportTheSlowTailOfABimodalDistribution() {
        // 94 fast requests and 6 slow ones: the 95th is slow, the 94th is not.
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 94; i++) {
            histogram.record(Duration.ofMillis(10));
        }
        for (int i = 0; i < 6; i++) {
            histogram.record(Duration.ofMillis(800));
        }

        LatencyDistribution distribution = histogram.snapshot();

        assertWithinBucketPrecision(distribution.p95().orElseThrow(), 800_000);
        assertWithinBucketPrecision(distribution.percentile(94).orElseThrow(), 10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "exponential", "lognormal"})
    void shouldMatchTheExactPercentilesOfRandomDistributions(String shape) {
        SplittableRandom random = new SplittableRandom(shape.hashCode());
        LongSupplier source = switch (shape) {
            case "uniform" -> () -> 1 + random.nextLong(500_000);
            case "exponential" -> () -> (long) (-Math.log(1 - random.nextDouble()) * 40_000);
            default -> () -> (long) Math.exp(9 + 1.2 * gaussian(random));
        };
        long[] samples = new long[25_000];
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < samples.length; i++) {
            samples[i] = source.getAsLong();
            histogram.recordMicros(samples[i]);
        }
        Arrays.sort(samples);

        for (double percentile : new double[] {50, 90, 95, 99, 99.9}) {
            long exact = samples[(int) Math.ceil(percentile * samples.length / 100.0) - 1];
            assertWithinBucketPrecision(
                    histogram.snapshot().percentile(percentile).orElseThrow(), exact);
        }
    }

    @Test
    void shouldReportASingleValueForEveryPercentile() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(Duration.ofNanos(42_000));

        assertThat(histogram.snapshot().percentile(0.1)).contains(Duration.ofNanos(42_000));
        assertThat(histogram.snapshot().percentile(100)).contains(Duration.ofNanos(42_000));
        assertThat(histogram.snapshot()).hasToString("1 latencies, p95 0 ms");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 100.01, Double.NaN})
    void shouldRejectPercentilesOutsideTheRange(double percentile) {
        assertThatThrownBy(() -> LatencyDistribution.empty().percentile(percentile))
                .hasMessageContaining("percentile must be above 0 and at most 100");
    }

    private static void assertWithinBucketPrecision(Duration reported, long exactMicros) {
        long reportedMicros = reported.toNanos() / 1_000;
        assertThat(reportedMicros).isBetween(exactMicros, exactMicros + exactMicros / 64);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, so the test does not depend on java.util.Random's algorithm.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
