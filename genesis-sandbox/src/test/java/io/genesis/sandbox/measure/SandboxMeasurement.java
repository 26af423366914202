package io.genesis.sandbox.measure;

import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.load.LoadGenerator;
import io.genesis.sandbox.load.LoadPlan;
import io.genesis.sandbox.load.LoadReport;
import io.genesis.sandbox.load.RunningLoad;
import io.genesis.sandbox.proxy.WeightedProxy;
import io.genesis.sandbox.proxy.Weights;
import io.genesis.sandbox.slot.Slot;
import io.genesis.sandbox.slot.SlotId;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * A measured run, not a test: proxy overhead per request against calling a slot directly, and how long a
 * weight switch takes to show in routed traffic. Run by hand (see docs/sandbox.md); figures depend on the
 * machine, so nothing here asserts.
 */
public final class SandboxMeasurement {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private SandboxMeasurement() {}

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int switches = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults())) {
            Slot a = sandbox.startSlot("1.0.0");
            Slot b = sandbox.startSlot("2.0.0");
            sandbox.setWeights(Weights.all(a.id()));
            measureOverhead(sandbox, a, requests);
            measureSwitch(sandbox, a.id(), b.id(), switches);
        }
    }

    private static void measureOverhead(Sandbox sandbox, Slot slot, int requests) throws InterruptedException {
        OUT.printf(Locale.ROOT, "%n== proxy overhead, %d sequential GET / (1 worker), after warm-up ==%n", requests);
        for (URI target : new URI[] {slot.baseUri(), sandbox.proxyUri()}) {
            LoadGenerator.run(
                    LoadPlan.to(target).requests(requests / 2).concurrency(1).build());
        }
        for (int round = 1; round <= 2; round++) {
            LoadReport direct = LoadGenerator.run(LoadPlan.to(slot.baseUri())
                    .requests(requests)
                    .concurrency(1)
                    .build());
            LoadReport proxied = LoadGenerator.run(LoadPlan.to(sandbox.proxyUri())
                    .requests(requests)
                    .concurrency(1)
                    .build());
            print("direct  r" + round, direct);
            print("proxied r" + round, proxied);
            OUT.printf(
                    Locale.ROOT,
                    "overhead r%d: mean %+.1f µs/request, p50 %+d µs, p99 %+d µs%n",
                    round,
                    (meanMicros(proxied) - meanMicros(direct)),
                    micros(proxied, 50) - micros(direct, 50),
                    micros(proxied, 99) - micros(direct, 99));
        }
        OUT.printf(Locale.ROOT, "%n== throughput, 8 workers, 3 s each ==%n");
        print(
                "direct ",
                LoadGenerator.run(LoadPlan.to(slot.baseUri())
                        .duration(Duration.ofSeconds(3))
                        .concurrency(8)
                        .build()));
        print(
                "proxied",
                LoadGenerator.run(LoadPlan.to(sandbox.proxyUri())
                        .duration(Duration.ofSeconds(3))
                        .concurrency(8)
                        .build()));
    }

    private static void measureSwitch(Sandbox sandbox, SlotId a, SlotId b, int switches) throws Exception {
        OUT.printf(Locale.ROOT, "%n== weight switch, %d switches a<->b under 4-worker background load ==%n", switches);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest probe = HttpRequest.newBuilder(sandbox.proxyUri()).GET().build();
        long[] setNanos = new long[switches];
        long[] effectNanos = new long[switches];
        int[] probesNeeded = new int[switches];
        try (RunningLoad background = LoadGenerator.start(LoadPlan.to(sandbox.proxyUri())
                .duration(Duration.ofMinutes(5))
                .concurrency(4)
                .build())) {
            for (int i = 0; i < switches; i++) {
                SlotId target = i % 2 == 0 ? b : a;
                long start = System.nanoTime();
                sandbox.setWeights(Weights.all(target));
                setNanos[i] = System.nanoTime() - start;
                int probes = 0;
                while (true) {
                    probes++;
                    if (servedBy(client, probe).equals(target.value())) {
                        break;
                    }
                }
                effectNanos[i] = System.nanoTime() - start;
                probesNeeded[i] = probes;
            }
            background.stop();
        }
        Arrays.sort(setNanos);
        Arrays.sort(effectNanos);
        OUT.printf(
                Locale.ROOT,
                "setWeights call:            median %6.1f µs, p95 %6.1f µs, max %6.1f µs%n",
                setNanos[switches / 2] / 1e3,
                setNanos[(int) (switches * 0.95)] / 1e3,
                setNanos[switches - 1] / 1e3);
        OUT.printf(
                Locale.ROOT,
                "switch -> first new answer: median %6.1f µs, p95 %6.1f µs, max %6.1f µs%n",
                effectNanos[switches / 2] / 1e3,
                effectNanos[(int) (switches * 0.95)] / 1e3,
                effectNanos[switches - 1] / 1e3);
        OUT.printf(
                Locale.ROOT,
                "probes needed until the new slot answered: max %d (1 = the very next request)%n",
                Arrays.stream(probesNeeded).max().orElse(0));
    }

    private static String servedBy(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue(WeightedProxy.SLOT_HEADER).orElse("");
    }

    private static void print(String label, LoadReport report) {
        OUT.printf(
                Locale.ROOT,
                "%s: %7d requests in %5d ms = %8.0f req/s, p50 %5d µs, p95 %5d µs, p99 %5d µs," + " failures %d%n",
                label,
                report.sent(),
                report.elapsed().toMillis(),
                report.throughput(),
                micros(report, 50),
                micros(report, 95),
                micros(report, 99),
                report.failures());
    }

    private static long micros(LoadReport report, double percentile) {
        return report.latency().percentile(percentile).orElseThrow().toNanos() / 1_000;
    }

    private static double meanMicros(LoadReport report) {
        return report.elapsed().toNanos() / 1e3 / report.sent();
    }
}
