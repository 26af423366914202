package io.genesis.core.notify;

import io.genesis.core.notify.NotificationKind.Level;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of channel, each knowing what it is sent and what its request looks like. */
public enum ChannelType {
    /** Any HTTP receiver: the notification's own JSON (docs/notifications.md). */
    WEBHOOK("webhook") {
        @Override
        Optional<Post> post(Channel channel, Notification notification, String secret) {
            URI uri = Channel.address(
                    channel.url() != null ? channel.url() : secret, "the address of channel " + channel.name());
            return Optional.of(new Post(uri, NotificationJson.bytes(notification), headers(notification)));
        }
    },
    /** A Slack incoming webhook: a Block Kit message. */
    SLACK("slack") {
        @Override
        Optional<Post> post(Channel channel, Notification notification, String secret) {
            URI uri = Channel.address(
                    channel.url() != null ? channel.url() : secret, "the address of channel " + channel.name());
            return Optional.of(new Post(uri, SlackMessage.of(notification, channel.links()), headers(notification)));
        }
    },
    /** PagerDuty Events API v2: trigger on critical, resolve on recovery, one dedup key per incident. */
    PAGERDUTY("pagerduty") {
        @Override
        Set<NotificationKind> defaultEvents() {
            return Collections.unmodifiableSet(EnumSet.copyOf(Arrays.stream(NotificationKind.values())
                    .filter(kind -> kind.level() == Level.CRITICAL
                            || kind.level() == Level.RESOLVED
                            || kind == NotificationKind.WATCH_ENDED)
                    .collect(Collectors.toSet())));
        }

        @Override
        Optional<Post> post(Channel channel, Notification notification, String secret) {
            URI uri = Channel.address(
                    channel.url() != null ? channel.url() : PagerDutyEvent.EVENTS_API,
                    "the address of channel " + channel.name());
            return PagerDutyEvent.of(notification, secret, channel.links())
                    .map(body -> new Post(uri, body, headers(notification)));
        }

        @Override
        boolean tells(Notification notification) {
            return PagerDutyEvent.action(notification) != null;
        }
    };

    /** The header that carries the notification's id, the same on every attempt. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final String word;

    ChannelType(String word) {
        this.word = word;
    }

    /** The word in configuration, such as {@code slack}. */
    public String word() {
        return word;
    }

    /** What a channel of this type is sent when its configuration names no events: everything. */
    Set<NotificationKind> defaultEvents() {
        return Collections.unmodifiableSet(EnumSet.allOf(NotificationKind.class));
    }

    /** Whether this type has something to send for {@code notification} (PagerDuty: a trigger or a resolve). */
    boolean tells(Notification notification) {
        return true;
    }

    /**
     * The request that tells {@code notification} on {@code channel}, or none when this type has
     * nothing to say about it (PagerDuty and a warning).
     *
     * @param secret the channel's secret, resolved for this send; {@code null} when it has none
     */
    abstract Optional<Post> post(Channel channel, Notification notification, String secret);

    private static Map<String, String> headers(Notification notification) {
        return Map.of(IDEMPOTENCY_HEADER, notification.id(), "Content-Type", "application/json; charset=utf-8");
    }

    /**
     * The type called {@code word}.
     *
     * @throws IllegalArgumentException naming the word and the known ones
     */
    public static ChannelType parse(String word) {
        return Arrays.stream(values())
                .filter(type -> type.word.equals(word))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel type '" + word + "'; use one of "
                        + Arrays.stream(values()).map(ChannelType::word).collect(Collectors.joining(", "))));
    }
}
