package io.genesis.core.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genesis.core.notify.NotificationKind.Level;
import java.util.Map;
import java.util.Optional;

/**
 * A notification as a PagerDuty Events API v2 event: {@code trigger} for a critical one, {@code
 * resolve} when it recovered, with one dedup key per watch incident (per rollout for a failed
 * rollout), so a repeated trigger or resolve changes nothing at PagerDuty.
 */
final class PagerDutyEvent {

    /** The Events API v2 address. */
    static final String EVENTS_API = "https://events.pagerduty.com/v2/enqueue";

    /** PagerDuty's limit on a summary. */
    private static final int SUMMARY = 1024;

    private PagerDutyEvent() {}

    /** The event for {@code n}, or none when PagerDuty has nothing to do with it. */
    static Optional<byte[]> of(Notification n, String routingKey, Map<String, String> links) {
        String action = action(n);
        if (action == null) {
            return Optional.empty();
        }
        ObjectNode event = NotificationJson.object()
                .put("routing_key", routingKey)
                .put("event_action", action)
                .put("dedup_key", dedupKey(n));
        if (action.equals("trigger")) {
            ObjectNode payload = event.putObject("payload");
            payload.put("summary", cut(n.summary()))
                    .put("source", "genesis/" + n.application() + "/" + n.environment())
                    .put("severity", "critical")
                    .put("timestamp", n.at().toString())
                    .put("component", n.application())
                    .put("group", n.environment())
                    .put("class", n.kind().word());
            ObjectNode details = payload.putObject("custom_details");
            details.put("version", n.version()).put("detail", n.detail()).put("notification", n.id());
            event.put("client", "Genesis");
            if (!links.isEmpty()) {
                ArrayNode list = event.putArray("links");
                links.forEach((label, url) -> list.addObject().put("href", url).put("text", label));
            }
        }
        return Optional.of(NotificationJson.bytes(event));
    }

    /**
     * One alert per incident: the watch's incident, or the failed rollout. Made of ids only, so the
     * trigger and its resolve meet.
     */
    static String dedupKey(Notification n) {
        String base = "genesis/" + n.application() + "/" + n.environment() + "/";
        if (!n.watch().isEmpty() && n.incident() != null) {
            return base + n.watch() + "/incident-" + n.incident();
        }
        return base + (n.watch().isEmpty() ? n.rollout() : n.watch());
    }

    /** {@code trigger}, {@code resolve}, or {@code null} when PagerDuty has nothing to do with {@code n}. */
    static String action(Notification n) {
        if (n.kind().level() == Level.CRITICAL) {
            return "trigger";
        }
        if (n.kind() == NotificationKind.WATCH_RESOLVED) {
            return "resolve";
        }
        // A watch that ended with a critical incident behind it: resolved once traffic is back (rolled
        // back) or the version is gone (superseded, stopped); an inconclusive end leaves the alert open.
        if (n.kind() == NotificationKind.WATCH_ENDED
                && n.incident() != null
                && !n.status().equals("INCONCLUSIVE")) {
            return "resolve";
        }
        return null;
    }

    private static String cut(String text) {
        return text.length() <= SUMMARY ? text : text.substring(0, SUMMARY - 1) + "…";
    }
}
