package io.genesis.benchmarks.rollout;

import com.sun.net.httpserver.HttpServer;
import io.genesis.core.notify.Channel;
import io.genesis.core.notify.ChannelType;
import io.genesis.core.notify.Notification;
import io.genesis.core.notify.NotificationDelivery;
import io.genesis.core.notify.NotificationKind;
import io.genesis.core.notify.NotificationTargets;
import io.genesis.core.notify.Outbox;
import io.genesis.core.notify.OutboxEntry;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.core.time.ManualClock;
import io.genesis.core.time.SimulatedScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Notification delivery through the persisted outbox to a receiver on 127.0.0.1 (the JDK's HTTP
 * server): how long the caller is held (queuing: one file forced to disk), how long until the receiver
 * has the request, and what ten minutes with the receiver down do (simulated clock, real HTTP, real
 * files). Not a test: run by hand, see {@code docs/performance.md}. Argument: the number of
 * notifications timed (200).
 */
public final class NotificationTiming {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private NotificationTiming() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        latency(count);
        receiverDown();
    }

    private static void latency(int count) throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpServer server = receiver(arrived, new CopyOnWriteArrayList<>());
        Path dir = Files.createTempDirectory("genesis-notify-timing");
        ExecutorScheduler scheduler = new ExecutorScheduler(Clock.systemUTC(), e -> {});
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Outbox outbox = Outbox.builder(dir.resolve("notifications"))
                    .targets(targets(server))
                    .build();
            NotificationDelivery delivery =
                    new NotificationDelivery(outbox, scheduler, sender, Clock.systemUTC(), System.err::println);
            long[] queued = new long[count];
            long[] received = new long[count];
            for (int i = -20; i < count; i++) {
                Notification n = notification("r-" + (1000 + i + 20), Instant.now());
                long start = System.nanoTime();
                outbox.enqueue(n);
                long enqueued = System.nanoTime();
                delivery.wake();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!arrived.containsKey(n.id()) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                Long at = arrived.get(n.id());
                if (at == null) {
                    throw new IllegalStateException("notification " + n.id() + " did not arrive within 10 s");
                }
                if (i >= 0) {
                    queued[i] = enqueued - start;
                    received[i] = at - start;
                }
            }
            System.out.println("notifications timed: " + count + " (after 20 for warm-up), file outbox forced to disk");
            System.out.println("queuing (what the rollout waits for): " + new Percentiles(queued).millis());
            System.out.println("queued -> receiver has the request:   " + new Percentiles(received).millis());
        } finally {
            scheduler.close();
            sender.shutdown();
            sender.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            server.stop(0);
        }
    }

    /** An event every 30 s for 10 simulated minutes with the receiver down, then the receiver up for 6. */
    private static void receiverDown() throws IOException {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        List<String> keys = new CopyOnWriteArrayList<>();
        HttpServer server = receiver(arrived, keys);
        int port = server.getAddress().getPort();
        Path dir = Files.createTempDirectory("genesis-notify-down");
        ManualClock clock = new ManualClock(T0);
        SimulatedScheduler scheduler = new SimulatedScheduler(clock);
        Outbox outbox = Outbox.builder(dir.resolve("notifications"))
                .clock(clock)
                .targets(targets(server))
                .random(new Random(11))
                .build();
        NotificationDelivery delivery =
                new NotificationDelivery(outbox, scheduler, Runnable::run, clock, System.err::println);
        server.stop(0);
        for (int i = 0; i < 20; i++) {
            outbox.enqueue(notification("w-" + (2000 + i), clock.instant()));
            delivery.wake();
            scheduler.runFor(Duration.ofSeconds(30));
        }
        int attemptsWhileDown =
                outbox.entries().stream().mapToInt(OutboxEntry::attempts).sum();
        HttpServer again = receiver(arrived, keys, port);
        Instant up = clock.instant();
        Instant lastDelivered = up;
        int seen = 0;
        for (int s = 0; s < 6 * 60; s++) {
            scheduler.runFor(Duration.ofSeconds(1));
            if (keys.size() > seen) {
                seen = keys.size();
                lastDelivered = clock.instant();
            }
        }
        long delivered = outbox.entries().stream()
                .filter(e -> e.status() == OutboxEntry.Status.DELIVERED)
                .count();
        System.out.println("receiver down 10 min (simulated), an event every 30 s: 20 events");
        System.out.println(
                "  attempts while down: " + attemptsWhileDown + " (each entry backs off 5 s, 10 s, ... 5 min)");
        System.out.println("  after the receiver came back: " + keys.size() + " requests, "
                + keys.stream().distinct().count() + " distinct ids, " + delivered + " entries DELIVERED, "
                + "all delivered within " + Duration.between(up, lastDelivered).toSeconds() + " s (simulated)");
        again.stop(0);
    }

    private static NotificationTargets targets(HttpServer server) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/genesis";
        return new NotificationTargets(
                Map.of("production", List.of(new Channel("audit", ChannelType.WEBHOOK, null, url, null, Map.of()))));
    }

    private static Notification notification(String rollout, Instant at) {
        return new Notification(
                Notification.SCHEMA,
                rollout + ".rollout.promoted",
                NotificationKind.ROLLOUT_PROMOTED,
                "shop",
                "production",
                "1.4.0",
                rollout,
                "",
                null,
                "SUCCEEDED",
                at,
                "rollout of shop 1.4.0 to production succeeded",
                "ended SUCCEEDED: all 6 steps completed");
    }

    private static HttpServer receiver(Map<String, Long> arrived, List<String> keys) {
        return receiver(arrived, keys, 0);
    }

    private static HttpServer receiver(Map<String, Long> arrived, List<String> keys, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                String key = exchange.getRequestHeaders().getFirst(ChannelType.IDEMPOTENCY_HEADER);
                arrived.putIfAbsent(key, System.nanoTime());
                keys.add(key);
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
