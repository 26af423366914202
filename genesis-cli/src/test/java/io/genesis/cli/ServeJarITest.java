package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.probe.HttpProbeSettings;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.core.watch.FileWatchStore;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchRequest;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.Watcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genesis serve} as users run it, {@code java -jar genesis.jar serve}: it adopts a registered
 * watch, samples it through a real HTTP probe on 127.0.0.1, and on SIGTERM hands it over to the next
 * server, which resumes it.
 */
class ServeJarITest {

    @TempDir
    Path dir;

    private HttpServer service;

    @BeforeEach
    void startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/health", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        service.start();
    }

    @AfterEach
    void stopService() {
        service.stop(0);
    }

    /** What {@code genesis deploy} leaves for a server: a watch nobody runs, here sampled every second. */
    private WatchId register() {
        try (ExecutorScheduler unused = new ExecutorScheduler(Clock.systemUTC(), e -> {})) {
            Watcher registering = Watcher.builder()
                    .clock(Clock.systemUTC())
                    .scheduler(unused)
                    .store(new FileWatchStore(state().resolve("watches")))
                    .owner("genesis-deploy", Duration.ofMinutes(1))
                    .metricSources(spec -> {
                        throw new IllegalStateException("a registering process samples nothing");
                    })
                    .build();
            String url = "http://127.0.0.1:" + service.getAddress().getPort() + "/health";
            return registering.register(WatchRequest.of(
                    new DeploymentKey("shop", "production"),
                    new Version("1.3.0"),
                    "",
                    HttpProbeSettings.of(url).spec(),
                    AnalysisThresholds.defaults().withSampleInterval(Duration.ofSeconds(1)),
                    Duration.ofHours(48),
                    "ci"));
        }
    }

    private Path state() {
        return dir.resolve("state");
    }

    private WatchState stored(WatchId id) {
        return new FileWatchStore(state().resolve("watches")).load(id).orElseThrow();
    }

    @Test
    void shouldRunARegisteredWatchAndHandItOverOnSigterm() throws Exception {
        GenesisJar genesis = GenesisJar.in(dir);
        WatchId id = register();

        GenesisJar.Running first = genesis.start("serve", "--poll-interval", "200ms");
        Eventually.until(
                "the first server sampled the watch",
                Duration.ofSeconds(60),
                () -> stored(id).sampling().run().samples() >= 2);
        String firstOwner = stored(id).owner();
        first.process().destroy();
        GenesisJar.Result stopped = first.await();

        WatchState handedOver = stored(id);
        assertThat(stopped.exitCode()).as(stopped.out() + stopped.err()).isEqualTo(143);
        assertThat(stopped.out())
                .contains("genesis serve: running every watch of")
                .contains("picked up 1 watch(es): [" + id + "]")
                .contains("sample 1 ok: ")
                .contains("stopped: 1 running watch(es) handed over");
        assertThat(firstOwner).startsWith("genesis@");
        assertThat(handedOver.ended()).isFalse();
        assertThat(handedOver.owner()).isEqualTo(firstOwner);
        assertThat(handedOver.leaseExpiresAt()).isBeforeOrEqualTo(Instant.now());

        GenesisJar.Running next = genesis.start("serve", "--poll-interval", "200ms");
        try {
            Eventually.until("the next server resumed the watch", Duration.ofSeconds(60), () -> {
                WatchState now = stored(id);
                return !now.owner().equals(firstOwner)
                        && now.sampling().run().samples()
                                > handedOver.sampling().run().samples();
            });
            GenesisJar.Result status = genesis.run("status");
            assertThat(status.out()).containsPattern(id + " +shop +production +1\\.3\\.0 .* run by genesis process");
        } finally {
            next.process().destroy();
            assertThat(next.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
