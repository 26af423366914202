package io.genesis.benchmarks.watch;

import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.core.watch.FileWatchStore;
import io.genesis.core.watch.InMemoryWatchStore;
import io.genesis.core.watch.WatchRequest;
import io.genesis.core.watch.WatchStore;
import io.genesis.core.watch.Watcher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N concurrent 48-hour watches sampling every 30 s, as {@code genesis serve} runs them: one watcher on the
 * real clock and the one-thread real-time scheduler, each watch stored after every sample, a metric
 * source that costs nothing (constant healthy readings), so what is measured is the watch engine itself.
 * Prints the process CPU time over the measured minutes as a share of one core, the samples taken, the
 * threads that did the work, and the heap the watches hold after a full collection. Not a test: run by
 * hand, see docs/performance.md. Arguments: watches (1000), measured minutes (3), store ({@code file},
 * durable as serve's, or {@code memory}).
 */
public final class ThousandWatches {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ThousandWatches() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int watches = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean file = args.length <= 2 || args[2].equals("file");
        Path dir = Files.createTempDirectory("genesis-watches");
        WatchStore store = file ? new FileWatchStore(dir.resolve("watches")) : new InMemoryWatchStore();
        AtomicLong samples = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);
        int threadsBefore = Thread.activeCount();
        Clock clock = Clock.systemUTC();
        try (ExecutorScheduler scheduler = new ExecutorScheduler(clock, e -> System.err.println("failed: " + e))) {
            Watcher watcher = Watcher.builder()
                    .clock(clock)
                    .scheduler(scheduler)
                    .store(store)
                    .owner("benchmark", Duration.ofMinutes(1))
                    .metricSources(spec -> new Constant(samples))
                    .build();
            AnalysisThresholds thresholds = AnalysisThresholds.defaults().withSampleInterval(INTERVAL);
            for (int i = 0; i < watches; i++) {
                watcher.start(WatchRequest.of(
                        new DeploymentKey("app-" + i, "production"),
                        new Version("1.0." + i),
                        "",
                        MetricSpec.of("constant"),
                        thresholds,
                        Duration.ofHours(48),
                        "benchmark"));
            }
            int threadsRunning = Thread.activeCount() - threadsBefore;
            // Warm-up: the first round of samples (and the JIT) before anything is counted.
            Thread.sleep(INTERVAL.plusSeconds(5).toMillis());
            long cpuStart = OS.getProcessCpuTime();
            long wallStart = System.nanoTime();
            long samplesStart = samples.get();
            Thread.sleep(Duration.ofMinutes(minutes).toMillis());
            long cpu = OS.getProcessCpuTime() - cpuStart;
            long wall = System.nanoTime() - wallStart;
            long taken = samples.get() - samplesStart;
            long heapWith = usedHeapAfterGc(memory);
            System.out.printf(
                    Locale.ROOT,
                    "%d watches, sample every %d s, %s store, %d min measured after %d s of warm-up%n",
                    watches,
                    INTERVAL.toSeconds(),
                    file ? "file (durable)" : "in-memory",
                    minutes,
                    INTERVAL.plusSeconds(5).toSeconds());
            System.out.printf(
                    Locale.ROOT,
                    "samples taken: %d (%.1f per s; expected %.1f per s)%n",
                    taken,
                    taken / (wall / 1e9),
                    watches / (double) INTERVAL.toSeconds());
            System.out.printf(
                    Locale.ROOT,
                    "process CPU: %.2f s over %.1f s = %.2f %% of one core; %.0f us CPU per sample%n",
                    cpu / 1e9,
                    wall / 1e9,
                    100.0 * cpu / wall,
                    taken == 0 ? 0 : cpu / 1e3 / taken);
            System.out.printf(
                    Locale.ROOT,
                    "threads started by the watcher: %d (the scheduler; the heartbeat and every watch run on it)%n",
                    threadsRunning);
            System.out.printf(
                    Locale.ROOT,
                    "heap after a full GC: %.1f MB with the watches, %.1f MB before = %.1f KB per watch%n",
                    heapWith / 1e6,
                    heapBefore / 1e6,
                    (heapWith - heapBefore) / 1e3 / watches);
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Healthy constant readings: the cheapest possible metric source. */
    private static final class Constant implements MetricSource {
        private static final Map<Metric, Double> HEALTHY =
                Map.of(Metric.ERROR_RATE, 0.01, Metric.LATENCY_P95, 80.0, Metric.AVAILABILITY, 99.99);
        private final AtomicLong samples;

        Constant(AtomicLong samples) {
            this.samples = samples;
        }

        @Override
        public String describe() {
            return "constant healthy readings";
        }

        @Override
        public Set<Metric> metrics() {
            return EnumSet.copyOf(HEALTHY.keySet());
        }

        @Override
        public MetricReadings sample(MetricWindow window) {
            samples.incrementAndGet();
            return new MetricReadings(window, HEALTHY);
        }
    }
}
