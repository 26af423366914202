package io.genesis.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.notify.Channel;
import io.genesis.core.notify.ChannelType;
import io.genesis.core.notify.NotificationDelivery;
import io.genesis.core.notify.NotificationListener;
import io.genesis.core.notify.NotificationTargets;
import io.genesis.core.notify.Outbox;
import io.genesis.core.notify.OutboxEntry;
import io.genesis.core.notify.Receiver;
import io.genesis.core.notify.SecretRef;
import io.genesis.core.notify.SecretResolver;
import io.genesis.core.rollout.RolloutId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout and its watch, told to a webhook, Slack and PagerDuty through the outbox: real receivers
 * on 127.0.0.1, a simulated clock and scheduler for everything else.
 */
class WatchNotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLACK_PATH = "/services/T00/B00/slackSecretPath";
    private static final String ROUTING_KEY = "pdRoutingKey0123456789abcdef0000";

    @TempDir
    Path dir;

    final WatchWorld world = new WatchWorld();
    final Receiver webhook = Receiver.start();
    final Receiver slack = Receiver.start();
    final Receiver pagerDuty = Receiver.start();
    final List<String> problems = new ArrayList<>();
    Outbox outbox;

    @BeforeEach
    void listen() {
        NotificationTargets targets = new NotificationTargets(Map.of(
                "staging",
                List.of(
                        new Channel("audit", ChannelType.WEBHOOK, null, webhook.url("/genesis"), null, Map.of()),
                        new Channel(
                                "ops",
                                ChannelType.SLACK,
                                new SecretRef(SecretRef.Source.ENVIRONMENT, "SLACK_URL"),
                                null,
                                null,
                                Map.of("Dashboard", "https://grafana.example/d/shop")),
                        new Channel(
                                "pager",
                                ChannelType.PAGERDUTY,
                                new SecretRef(SecretRef.Source.ENVIRONMENT, "PD_KEY"),
                                pagerDuty.url("/v2/enqueue"),
                                null,
                                Map.of()))));
        outbox = Outbox.builder(dir.resolve("notifications"))
                .force(false)
                .clock(world.clock)
                .targets(targets)
                .secrets(SecretResolver.of(Map.of("SLACK_URL", slack.url(SLACK_PATH), "PD_KEY", ROUTING_KEY)))
                .random(new Random(3))
                .build();
        NotificationDelivery delivery =
                new NotificationDelivery(outbox, world.scheduler, Runnable::run, world.clock, problems::add);
        NotificationListener listener = new NotificationListener(delivery, problems::add);
        world.rolloutListener = listener.rollouts(event -> {});
        world.watchListener = listener.watches(event -> {});
    }

    @AfterEach
    void stop() {
        webhook.close();
        slack.close();
        pagerDuty.close();
    }

    @Test
    void shouldTellEveryMomentOfARolloutAndAWatchThatRollsItBackOnceToEachChannel() throws Exception {
        RolloutId deployed = world.deploy();
        Watcher watcher = world.watcher();
        Instant start = world.clock.instant();
        world.metrics.script(window -> {
            Instant to = window.to();
            if (to.isAfter(start.plus(Duration.ofHours(2)))) {
                return WatchWorld.CRITICAL;
            }
            if (to.isAfter(start.plus(Duration.ofMinutes(100)))
                    || (to.isAfter(start.plus(Duration.ofMinutes(10)))
                            && !to.isAfter(start.plus(Duration.ofMinutes(15))))) {
                return WatchWorld.WARNING;
            }
            return ScriptedMetricSource.HEALTHY;
        });

        WatchState ended =
                world.runToEnd(watcher, watcher.start(world.request(deployed, "1.1.0", Duration.ofHours(48))));
        world.scheduler.runFor(Duration.ofMinutes(5));

        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.ROLLED_BACK);
        assertThat(problems).isEmpty();
        List<String> kinds =
                webhook.received().stream().map(r -> field(r.body(), "kind")).toList();
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "rollout.started",
                        "rollout.promoted",
                        "watch.warning",
                        "watch.resolved",
                        "watch.warning",
                        "watch.critical",
                        "rollout.rolled-back",
                        "watch.ended");
        assertThat(webhook.received())
                .extracting(r -> r.header("Idempotency-Key"))
                .doesNotHaveDuplicates()
                .contains(
                        "w-0001.watch.warning.1",
                        "w-0001.watch.resolved.1",
                        "w-0001.watch.critical.2",
                        "w-0001.watch.ended",
                        deployed.value() + ".rollout.started");
        assertThat(slack.received()).hasSize(8);
        assertThat(outbox.entries())
                .hasSize(8 + 8 + 3)
                .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(OutboxEntry.Status.DELIVERED));
    }

    @Test
    void shouldShowEnvironmentVersionMeasuredValuesAndLinksInSlack() throws Exception {
        criticalRollback();

        JsonNode message = slack.received().stream()
                .map(r -> tree(r.body()))
                .filter(m -> m.path("text").asText().startsWith("critical:"))
                .findFirst()
                .orElseThrow();
        JsonNode blocks = message.path("blocks");
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(slack.received().get(0).path()).isEqualTo(SLACK_PATH);
            soft.assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
            soft.assertThat(blocks.get(0).path("text").path("text").asText())
                    .isEqualTo(":rotating_light: Critical: shop 1.1.0 in staging");
            soft.assertThat(blocks.get(1).path("fields").findValuesAsText("text"))
                    .contains("*Environment*\nstaging", "*Version*\n1.1.0", "*Application*\nshop");
            soft.assertThat(blocks.get(2).path("text").path("text").asText()).contains("error rate 2.00 %");
            soft.assertThat(blocks.get(3).path("type").asText()).isEqualTo("context");
            soft.assertThat(blocks.get(4).path("elements").get(0).path("url").asText())
                    .isEqualTo("https://grafana.example/d/shop");
            soft.assertThat(blocks.get(4)
                            .path("elements")
                            .get(0)
                            .path("text")
                            .path("text")
                            .asText())
                    .isEqualTo("Dashboard");
        });
    }

    @Test
    void shouldTriggerPagerDutyOnCriticalAndResolveTheSameAlertOnceTrafficIsBack() throws Exception {
        criticalRollback();

        List<JsonNode> events =
                pagerDuty.received().stream().map(r -> tree(r.body())).toList();
        assertThat(events).extracting(e -> e.path("event_action").asText()).containsExactly("trigger", "resolve");
        JsonNode trigger = events.get(0);
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(trigger.path("routing_key").asText()).isEqualTo(ROUTING_KEY);
            soft.assertThat(trigger.path("dedup_key").asText()).isEqualTo("genesis/shop/staging/w-0001/incident-1");
            soft.assertThat(events.get(1).path("dedup_key").asText())
                    .isEqualTo(trigger.path("dedup_key").asText());
            soft.assertThat(trigger.path("payload").path("severity").asText()).isEqualTo("critical");
            soft.assertThat(trigger.path("payload").path("source").asText()).isEqualTo("genesis/shop/staging");
            soft.assertThat(trigger.path("payload").path("summary").asText()).contains("error rate 2.00 %");
            soft.assertThat(trigger.path("payload")
                            .path("custom_details")
                            .path("version")
                            .asText())
                    .isEqualTo("1.1.0");
            soft.assertThat(events.get(1).has("payload")).isFalse();
        });
    }

    /** A watch whose version turns critical an hour in and is rolled back. */
    private void criticalRollback() {
        RolloutId deployed = world.deploy();
        Watcher watcher = world.watcher();
        Instant start = world.clock.instant();
        world.metrics.script(window -> window.to().isAfter(start.plus(Duration.ofHours(1)))
                ? WatchWorld.CRITICAL
                : ScriptedMetricSource.HEALTHY);
        world.runToEnd(watcher, watcher.start(world.request(deployed, "1.1.0", Duration.ofHours(48))));
        world.scheduler.runFor(Duration.ofMinutes(5));
    }

    private static String field(String body, String name) {
        return tree(body).path(name).asText();
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
