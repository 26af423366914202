package io.genesis.core.notify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a notification is about, with the word it has in JSON and in {@code genesis.yaml}'s
 * {@code events:} lists, and how bad it is. docs/notifications.md lists them.
 */
public enum NotificationKind {
    ROLLOUT_STARTED("rollout.started", Level.INFO),
    ROLLOUT_AWAITING_APPROVAL("rollout.awaiting-approval", Level.INFO),
    ROLLOUT_PROMOTED("rollout.promoted", Level.INFO),
    ROLLOUT_ROLLED_BACK("rollout.rolled-back", Level.WARNING),
    ROLLOUT_FAILED("rollout.failed", Level.CRITICAL),
    WATCH_WARNING("watch.warning", Level.WARNING),
    WATCH_CRITICAL("watch.critical", Level.CRITICAL),
    WATCH_RESOLVED("watch.resolved", Level.RESOLVED),
    WATCH_ENDED("watch.ended", Level.INFO);

    /** How bad a notification is: picks a Slack colour and whether PagerDuty is paged or released. */
    public enum Level {
        INFO,
        WARNING,
        CRITICAL,
        RESOLVED
    }

    private final String word;
    private final Level level;

    NotificationKind(String word, Level level) {
        this.word = word;
        this.level = level;
    }

    /** The word in JSON and configuration, such as {@code watch.critical}. */
    @JsonValue
    public String word() {
        return word;
    }

    public Level level() {
        return level;
    }

    /**
     * The kind called {@code word}.
     *
     * @throws IllegalArgumentException naming the word and every known one
     */
    @JsonCreator
    public static NotificationKind parse(String word) {
        return Arrays.stream(values())
                .filter(kind -> kind.word.equals(word))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown notification event '" + word + "'; use one of " + known()));
    }

    static String known() {
        return Arrays.stream(values()).map(NotificationKind::word).collect(Collectors.joining(", "));
    }
}
