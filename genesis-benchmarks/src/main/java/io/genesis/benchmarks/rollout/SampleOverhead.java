package io.genesis.benchmarks.rollout;

import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.time.ManualClock;
import io.genesis.sandbox.metrics.RequestMetrics;
import io.genesis.sandbox.metrics.RequestOutcome;
import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.target.MetricScope;
import io.genesis.sandbox.target.SandboxMetricSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The cost of one {@link SandboxMetricSource#sample} (what the engine calls once per sample interval) over
 * a window holding N recorded requests, split 90 / 10 between a stable and a candidate slot, with the
 * sandbox's default metrics layout (2 s buckets, 10 minutes) and the engine's default sample interval
 * (30 s), then once over the whole 10-minute retention. The requests are recorded straight into the request metrics, on a manual clock, so N can be
 * large without sending N requests. Not a test: run by hand, see {@code docs/performance-rollout.md}.
 * Argument: the largest N (1 000 000).
 */
public final class SampleOverhead {

    private static final SlotId STABLE = SlotId.of("slot-1");
    private static final SlotId CANDIDATE = SlotId.of("slot-2");
    private static final Duration WINDOW = Duration.ofSeconds(30);
    /** The sandbox's whole default retention: the most buckets one sample can merge. */
    private static final Duration LONGEST = Duration.ofMinutes(10);

    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final int MEASURED = 5_000;

    private SampleOverhead() {}

    public static void main(String[] args) {
        long largest = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        System.out.printf(
                Locale.ROOT,
                "one sample of the candidate, default layout (2 s x 300); %d samples timed after %d s of warm-up%n",
                MEASURED,
                WARM_UP.toSeconds());
        long sink = 0;
        for (long requests = 0; requests <= largest; requests = requests == 0 ? 1_000 : requests * 10) {
            sink += print(requests, WINDOW);
        }
        sink += print(largest, LONGEST);
        // Printed so that the samples cannot be optimised away.
        System.out.println("(checksum " + sink + ")");
    }

    private static long print(long requests, Duration window) {
        Measurement measured = measure(requests, window);
        System.out.printf(
                Locale.ROOT,
                "N = %,9d requests in a %3d s window: median / p95 / max %s%n",
                requests,
                window.toSeconds(),
                measured.percentiles.micros());
        return measured.sink;
    }

    private record Measurement(Percentiles percentiles, long sink) {}

    private static Measurement measure(long requests, Duration span) {
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        ManualClock clock = new ManualClock(start);
        RequestMetrics metrics = new RequestMetrics(clock, WindowLayout.defaults());
        SplittableRandom random = new SplittableRandom(42);
        long step = requests == 0 ? 0 : Math.max(1, span.toNanos() / requests);
        for (long i = 0; i < requests; i++) {
            clock.advance(Duration.ofNanos(step));
            SlotId slot = i % 10 == 0 ? CANDIDATE : STABLE;
            RequestOutcome outcome = random.nextInt(1_000) == 0 ? RequestOutcome.SERVER_ERROR : RequestOutcome.SUCCESS;
            // Log-normal-ish latencies around a millisecond, up to about 50 ms.
            long micros = (long) Math.exp(6.9 + random.nextGaussian() * 0.8);
            metrics.recordRouted(slot, outcome, Duration.ofNanos(Math.min(micros, 50_000) * 1_000));
        }
        clock.advanceTo(start.plus(span));
        SandboxMetricSource source =
                new SandboxMetricSource("benchmark", metrics::snapshot, () -> CANDIDATE, MetricScope.CANDIDATE, 1);
        MetricWindow window = new MetricWindow(start, start.plus(span));
        long sink = 0;
        long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        while (System.nanoTime() - warmUpEnd < 0) {
            sink += checksum(source.sample(window));
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long begin = System.nanoTime();
            MetricReadings readings = source.sample(window);
            nanos[i] = System.nanoTime() - begin;
            sink += checksum(readings);
        }
        return new Measurement(new Percentiles(nanos), sink);
    }

    private static long checksum(MetricReadings readings) {
        return readings.values().size()
                + (long) readings.values().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum();
    }
}
