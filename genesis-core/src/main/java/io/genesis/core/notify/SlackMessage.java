package io.genesis.core.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A notification as a Slack Block Kit message for an incoming webhook: a header, the environment,
 * version and application as fields, the measured values, the ids, and link buttons. {@code text}
 * carries the summary for notifications and clients that show no blocks.
 */
final class SlackMessage {

    /** Slack's limits: header text 150 characters, section text 3000, button text 75. */
    private static final int HEADER = 150;

    private static final int SECTION = 3000;
    private static final int BUTTON = 75;

    private SlackMessage() {}

    static byte[] of(Notification n, Map<String, String> links) {
        ObjectNode message = NotificationJson.object();
        message.put("text", cut(n.summary(), SECTION));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text")
                .put("type", "plain_text")
                .put("text", cut(mark(n.kind().level()) + " " + title(n), HEADER));
        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        field(fields, "Environment", n.environment());
        field(fields, "Version", n.version().isEmpty() ? "(unknown)" : n.version());
        field(fields, "Application", n.application());
        field(fields, "Event", n.kind().word() + (n.status().isEmpty() ? "" : " (" + n.status() + ")"));
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "mrkdwn")
                .put(
                        "text",
                        cut(escape(n.summary()) + (n.detail().isEmpty() ? "" : "\n```" + n.detail() + "```"), SECTION));
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", escape(ids(n)));
        if (!links.isEmpty()) {
            ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
            links.forEach((label, url) -> {
                ObjectNode button = buttons.addObject().put("type", "button").put("url", url);
                button.putObject("text").put("type", "plain_text").put("text", cut(label, BUTTON));
            });
        }
        return NotificationJson.bytes(message);
    }

    private static String title(Notification n) {
        String what = n.application() + " " + n.version() + " in " + n.environment();
        return switch (n.kind()) {
            case ROLLOUT_STARTED -> "Rollout started: " + what;
            case ROLLOUT_AWAITING_APPROVAL -> "Waiting for approval: " + what;
            case ROLLOUT_PROMOTED -> "Promoted: " + what;
            case ROLLOUT_ROLLED_BACK -> "Rolled back: " + what;
            case ROLLOUT_FAILED -> "Rollout failed: " + what;
            case WATCH_WARNING -> "Warning: " + what;
            case WATCH_CRITICAL -> "Critical: " + what;
            case WATCH_RESOLVED -> "Resolved: " + what;
            case WATCH_ENDED -> "Watch ended " + n.status() + ": " + what;
        };
    }

    private static String mark(NotificationKind.Level level) {
        return switch (level) {
            case INFO -> ":information_source:";
            case WARNING -> ":warning:";
            case CRITICAL -> ":rotating_light:";
            case RESOLVED -> ":white_check_mark:";
        };
    }

    private static String ids(Notification n) {
        StringBuilder text = new StringBuilder("genesis");
        if (!n.rollout().isEmpty()) {
            text.append(" · rollout ").append(n.rollout());
        }
        if (!n.watch().isEmpty()) {
            text.append(" · watch ").append(n.watch());
        }
        if (n.incident() != null) {
            text.append(" · incident ").append(n.incident());
        }
        return text.append(" · ").append(n.at()).toString();
    }

    private static void field(ArrayNode fields, String label, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + label + "*\n" + escape(value));
    }

    /** Slack's mrkdwn takes {@code &}, {@code <} and {@code >} as markup. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
