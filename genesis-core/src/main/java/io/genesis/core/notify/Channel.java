package io.genesis.core.notify;

import io.genesis.core.secret.Redaction;
import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One place an environment's notifications go: a generic webhook, a Slack incoming webhook or a
 * PagerDuty service. Outbox entries name the channel; its secret is looked up when a notification
 * is sent, so it is never stored beside them.
 *
 * @param name the channel's name, unique within its environment: 1 to 40 lower-case letters, digits or '-'
 * @param type what it is
 * @param secret where its secret is (the webhook's address; PagerDuty's routing key), or {@code null}
 *     for a webhook or Slack channel whose address is written in {@code url}
 * @param url a webhook's address written in the policy itself, or PagerDuty's Events API address;
 *     {@code null} when not set
 * @param events the kinds it is sent
 * @param links links shown with each Slack message and PagerDuty alert, by label (a dashboard, a runbook)
 */
public record Channel(
        String name,
        ChannelType type,
        SecretRef secret,
        String url,
        Set<NotificationKind> events,
        Map<String, String> links) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Channel {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("channel name '" + name
                    + "' is not valid: use 1 to 40 lower-case letters, digits or '-', starting with a letter or digit");
        }
        Objects.requireNonNull(type, "type");
        if (type == ChannelType.PAGERDUTY && secret == null) {
            throw new IllegalArgumentException("channel " + name + " (pagerduty) needs its routing key: set "
                    + "routingKeyEnv, routingKeyFile or credentialsId");
        }
        if (type != ChannelType.PAGERDUTY && (secret == null) == (url == null)) {
            throw new IllegalArgumentException("channel " + name + " (" + type.word() + ") needs exactly one of url,"
                    + " urlEnv, urlFile or credentialsId");
        }
        if (url != null) {
            address(url, "channel " + name + ": url");
        }
        events = events == null || events.isEmpty()
                ? type.defaultEvents()
                : Collections.unmodifiableSet(EnumSet.copyOf(events));
        Map<String, String> copy = new LinkedHashMap<>();
        if (links != null) {
            links.forEach((label, link) -> {
                address(link, "channel " + name + ": link '" + label + "'");
                if (Redaction.carriesSecret(link)) {
                    throw new IllegalArgumentException("channel " + name + ": link '" + label
                            + "' carries credentials or a token; fix: link to a page that needs none");
                }
                copy.put(label, link);
            });
        }
        links = Collections.unmodifiableMap(copy);
    }

    /** Whether this channel is sent {@code kind}. */
    public boolean takes(NotificationKind kind) {
        return events.contains(kind);
    }

    /**
     * {@code address} as an https address (http only to this machine), for sending.
     *
     * @param where how to name the address in a message, never the address itself when it is a secret
     */
    static URI address(String address, String where) {
        URI uri;
        try {
            uri = URI.create(address.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not an address; fix: give an https:// address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        if (host.isEmpty() || !(scheme.equals("https") || (scheme.equals("http") && local))) {
            throw new IllegalArgumentException(where + " is not an https:// address (plain http only to this"
                    + " machine: 127.0.0.0/8, localhost, ::1); fix: give an https:// address");
        }
        return uri;
    }
}
