package io.genesis.core.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notifications and channels for outbox and channel tests. */
final class Samples {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    /** A secret-looking webhook path, like Slack's: whoever has it can post. */
    static final String HOOK_PATH = "/services/T0SECRET/B0SECRET/xoxSecretHookPath42";

    static final String ROUTING_KEY = "R0UTINGKEY0123456789abcdef0123456";

    private Samples() {}

    static Notification notification(String subject, NotificationKind kind, Integer incident) {
        boolean watch = kind.word().startsWith("watch.");
        return new Notification(
                Notification.SCHEMA,
                subject + "." + kind.word() + (incident == null ? "" : "." + incident),
                kind,
                "shop",
                "production",
                "1.4.0",
                watch ? "r-0001" : subject,
                watch ? subject : "",
                incident,
                kind == NotificationKind.WATCH_ENDED ? "ROLLED_BACK" : "",
                T0,
                "summary of " + kind.word(),
                "error rate 2.00 % > 1.00 %");
    }

    static Channel webhook(String name) {
        return new Channel(
                name,
                ChannelType.WEBHOOK,
                new SecretRef(SecretRef.Source.ENVIRONMENT, "AUDIT_URL"),
                null,
                null,
                Map.of());
    }

    static NotificationTargets production(Channel... channels) {
        return new NotificationTargets(Map.of("production", List.of(channels)));
    }
}
