package io.genesis.core.notify;

import static io.genesis.core.notify.Samples.HOOK_PATH;
import static io.genesis.core.notify.Samples.T0;
import static io.genesis.core.notify.Samples.notification;
import static io.genesis.core.notify.Samples.production;
import static io.genesis.core.notify.Samples.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.genesis.core.notify.OutboxEntry.Status;
import io.genesis.core.time.ManualClock;
import io.genesis.core.time.SimulatedScheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(T0);
    final Receiver receiver = Receiver.start();
    final List<String> problems = new ArrayList<>();

    @AfterEach
    void stop() {
        receiver.close();
    }

    Outbox.Builder outbox() {
        return Outbox.builder(dir.resolve("notifications"))
                .force(false)
                .clock(clock)
                .targets(production(webhook("audit")))
                .secrets(SecretResolver.of(Map.of("AUDIT_URL", receiver.url(HOOK_PATH))))
                .random(new Random(7));
    }

    @Test
    void shouldDeliverTheDocumentedJsonWithItsIdempotencyKey() throws Exception {
        Outbox outbox = outbox().build();
        Notification sent = notification("w-0001", NotificationKind.WATCH_CRITICAL, 2);

        outbox.enqueue(sent);
        DeliveryReport report = outbox.deliverDue(clock.instant());

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
        Receiver.Received got = receiver.received().get(0);
        JsonNode body = NotificationJson.JSON.readTree(got.body());
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(got.path()).isEqualTo(HOOK_PATH);
            soft.assertThat(got.header("Idempotency-Key")).isEqualTo("w-0001.watch.critical.2");
            soft.assertThat(got.header("Content-Type")).startsWith("application/json");
            soft.assertThat(body.path("schema").asText()).isEqualTo("genesis.notification/v1");
            soft.assertThat(body.path("id").asText()).isEqualTo("w-0001.watch.critical.2");
            soft.assertThat(body.path("kind").asText()).isEqualTo("watch.critical");
            soft.assertThat(body.path("environment").asText()).isEqualTo("production");
            soft.assertThat(body.path("version").asText()).isEqualTo("1.4.0");
            soft.assertThat(body.path("incident").asInt()).isEqualTo(2);
            soft.assertThat(body.path("at").asText()).isEqualTo("2026-12-07T10:00:00Z");
            soft.assertThat(body.path("detail").asText()).isEqualTo("error rate 2.00 % > 1.00 %");
            soft.assertThat(outbox.entries())
                    .singleElement()
                    .extracting(OutboxEntry::status)
                    .isEqualTo(Status.DELIVERED);
        });
    }

    @Test
    void shouldQueueAnEventOnceHoweverOftenItIsTold() {
        Outbox outbox = outbox().build();
        Notification told = notification("r-0001", NotificationKind.ROLLOUT_STARTED, null);

        assertThat(outbox.enqueue(told)).hasSize(1);
        assertThat(outbox.enqueue(told)).isEmpty();
        outbox.deliverDue(clock.instant());
        // Told again after it was delivered (a restarted engine replaying its last transition).
        assertThat(outbox().build().enqueue(told)).isEmpty();
        outbox.deliverDue(clock.instant());

        assertThat(receiver.received()).hasSize(1);
        assertThat(outbox.entries()).hasSize(1);
    }

    @Test
    void shouldTryAgainAfterGrowingDelaysWithJitter() {
        Outbox outbox = outbox().build();
        receiver.answer(503, 500, 429);
        outbox.enqueue(notification("r-0001", NotificationKind.ROLLOUT_PROMOTED, null));

        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant before = clock.instant();
            outbox.deliverDue(clock.instant());
            Instant due = outbox.nextDue().orElseThrow();
            delays.add(Duration.between(before, due));
            clock.advanceTo(due);
        }
        outbox.deliverDue(clock.instant());

        assertThat(delays.get(0)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
        assertThat(delays.get(1)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(delays.get(2)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(receiver.received()).hasSize(4);
        assertThat(outbox.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.DELIVERED);
            assertThat(entry.attempts()).isEqualTo(4);
        });
    }

    @Test
    void shouldLoseAndRepeatNothingWhileTheReceiverIsDownForTenMinutes() {
        Outbox outbox = outbox().build();
        SimulatedScheduler scheduler = new SimulatedScheduler(clock);
        NotificationDelivery delivery =
                new NotificationDelivery(outbox, scheduler, Runnable::run, clock, problems::add);
        NotificationListenerProbe probe = new NotificationListenerProbe(delivery);
        receiver.down();

        // An event every 30 s for the ten minutes the receiver is down.
        for (int i = 1; i <= 20; i++) {
            probe.tell(notification("w-" + 1000 + i, NotificationKind.WATCH_WARNING, 1));
            scheduler.runFor(Duration.ofSeconds(30));
        }
        int triedWhileDown =
                outbox.entries().stream().mapToInt(OutboxEntry::attempts).sum();
        receiver.up();
        scheduler.runFor(Duration.ofMinutes(6));

        assertThat(triedWhileDown).isGreaterThan(20);
        assertThat(receiver.received()).hasSize(20);
        assertThat(receiver.received().stream()
                        .map(r -> r.header("Idempotency-Key"))
                        .distinct())
                .hasSize(20);
        assertThat(outbox.entries())
                .hasSize(20)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(Status.DELIVERED));
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldSendAgainWithTheSameKeyAfterACrashBetweenSendAndMarkAndNeverAfterTheMark() {
        HttpSender http = new HttpSender(Duration.ofSeconds(5));
        Outbox crashing = outbox().sender(post -> {
                    http.send(post);
                    throw new Crash();
                })
                .build();
        crashing.enqueue(notification("w-0001", NotificationKind.WATCH_CRITICAL, 1));

        assertThatThrownBy(() -> crashing.deliverDue(clock.instant())).isInstanceOf(Crash.class);
        assertThat(crashing.entries())
                .singleElement()
                .extracting(OutboxEntry::status)
                .isEqualTo(Status.SENDING);

        Outbox restarted = outbox().build();
        assertThat(restarted.nextDue()).contains(T0);
        restarted.deliverDue(clock.instant());
        outbox().build().deliverDue(clock.instant());

        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received())
                .extracting(r -> r.header("Idempotency-Key"))
                .containsOnly("w-0001.watch.critical.1");
        assertThat(receiver.accepted()).containsExactly("w-0001.watch.critical.1");
        assertThat(restarted.entries())
                .singleElement()
                .extracting(OutboxEntry::status)
                .isEqualTo(Status.DELIVERED);
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptAndSayWhy() {
        Outbox outbox = outbox().retry(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 3))
                .build();
        receiver.answer(500, 500, 500, 500);
        outbox.enqueue(notification("r-0001", NotificationKind.ROLLOUT_FAILED, null));

        for (int i = 0; i < 5; i++) {
            outbox.deliverDue(clock.instant());
            outbox.nextDue().ifPresent(clock::advanceTo);
        }

        assertThat(receiver.received()).hasSize(3);
        assertThat(outbox.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.GAVE_UP);
            assertThat(entry.lastError())
                    .startsWith("gave up after 3 attempts over ")
                    .endsWith("; last: HTTP 500");
        });
    }

    @Test
    void shouldGiveUpAtOnceWhenTheReceiverRefusesForGood() {
        Outbox outbox = outbox().build();
        receiver.answer(404);
        outbox.enqueue(notification("r-0001", NotificationKind.ROLLOUT_STARTED, null));

        DeliveryReport report = outbox.deliverDue(clock.instant());

        assertThat(report.gaveUp()).isEqualTo(1);
        assertThat(outbox.entries())
                .singleElement()
                .extracting(OutboxEntry::lastError)
                .isEqualTo("HTTP 404 from channel audit: refused for good; fix: check the channel's address or key");
        assertThat(outbox.nextDue()).isEmpty();
    }

    @Test
    void shouldKeepTryingWhileTheSecretIsMissingAndNameOnlyItsReference() {
        Outbox outbox = outbox().secrets(SecretResolver.of(Map.of())).build();
        outbox.enqueue(notification("r-0001", NotificationKind.ROLLOUT_STARTED, null));

        outbox.deliverDue(clock.instant());

        assertThat(receiver.received()).isEmpty();
        assertThat(outbox.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.PENDING);
            assertThat(entry.lastError())
                    .startsWith("its secret: SecretUnavailableException: environment variable"
                            + " AUDIT_URL is not set; fix:");
        });
    }

    @Test
    void shouldGiveUpAnEntryWhoseChannelIsNoLongerConfigured() {
        outbox().build().enqueue(notification("r-0001", NotificationKind.ROLLOUT_STARTED, null));

        Outbox reconfigured = outbox().targets(production(webhook("other"))).build();
        reconfigured.deliverDue(clock.instant());

        assertThat(reconfigured.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.GAVE_UP);
            assertThat(entry.lastError()).contains("channel audit is no longer configured for production");
        });
    }

    @Test
    void shouldForgetEndedEntriesAfterAWeek() {
        Outbox outbox = outbox().build();
        outbox.enqueue(notification("r-0001", NotificationKind.ROLLOUT_STARTED, null));
        outbox.deliverDue(clock.instant());

        clock.advance(Outbox.KEPT.plusSeconds(1));
        outbox.deliverDue(clock.instant());

        assertThat(outbox.entries()).isEmpty();
    }

    @Test
    void shouldKeepSecretsOutOfEveryFileAndMessage() throws IOException {
        String secretUrl = receiver.url(HOOK_PATH);
        Channel pager = new Channel(
                "pager",
                ChannelType.PAGERDUTY,
                new SecretRef(SecretRef.Source.ENVIRONMENT, "PD_KEY"),
                receiver.url("/v2/enqueue"),
                null,
                Map.of());
        Outbox outbox = outbox().targets(production(webhook("audit"), pager))
                .secrets(SecretResolver.of(Map.of("AUDIT_URL", secretUrl, "PD_KEY", Samples.ROUTING_KEY)))
                .build();
        receiver.down();
        outbox.enqueue(notification("w-0001", NotificationKind.WATCH_CRITICAL, 1));
        outbox.deliverDue(clock.instant());
        receiver.up();
        receiver.answer(400, 400);
        clock.advance(Duration.ofMinutes(1));
        outbox.deliverDue(clock.instant());

        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).body()).contains(Samples.ROUTING_KEY);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.add(file + ": " + Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        outbox.entries().forEach(e -> texts.add(e.lastError() + " " + e));
        texts.addAll(outbox.problems());
        assertThat(texts).isNotEmpty().noneMatch(t -> t.contains("T0SECRET") || t.contains(Samples.ROUTING_KEY));
        assertThat(outbox.entries()).extracting(OutboxEntry::status).containsOnly(Status.GAVE_UP);
    }

    /** What a process dying right after the receiver answered looks like to the outbox. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Queues and wakes delivery as {@link NotificationListener} does for a milestone. */
    record NotificationListenerProbe(NotificationDelivery delivery) {
        void tell(Notification notification) {
            if (!delivery.outbox().enqueue(notification).isEmpty()) {
                delivery.wake();
            }
        }
    }
}
