package io.genesis.core.notify;

import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyException;
import io.genesis.core.policy.PolicyKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code notify:} section of each environment of a policy document (docs/notifications.md):
 * a list of channels, each with a name, a type, where its secret is, and optionally the events it
 * takes and links. Secrets are named by reference ({@code urlEnv}, {@code urlFile}, {@code
 * routingKeyEnv}, {@code routingKeyFile}, {@code credentialsId}); an address written in {@code url}
 * is allowed in a trusted policy, and a checkout may not set {@code notify} for a protected
 * environment at all ({@code CheckoutPolicy}).
 */
public final class NotificationsBinder {

    static final String NAME = "name";
    static final String TYPE = "type";
    static final String URL = "url";
    static final String URL_ENV = "urlEnv";
    static final String URL_FILE = "urlFile";
    static final String ROUTING_KEY_ENV = "routingKeyEnv";
    static final String ROUTING_KEY_FILE = "routingKeyFile";
    static final String CREDENTIALS_ID = "credentialsId";
    static final String EVENTS = "events";
    static final String LINKS = "links";

    private static final Set<String> KNOWN = new TreeSet<>(List.of(
            NAME, TYPE, URL, URL_ENV, URL_FILE, ROUTING_KEY_ENV, ROUTING_KEY_FILE, CREDENTIALS_ID, EVENTS, LINKS));

    private NotificationsBinder() {}

    /**
     * The channels of every environment of {@code document} that has a {@code notify:} section.
     *
     * @throws PolicyException naming the environment, the channel, the key and the fix
     */
    public static NotificationTargets bind(Object document) {
        Map<String, List<Channel>> channels = new LinkedHashMap<>();
        for (PolicyEntry entry : EnvironmentBinder.entries(document)) {
            if (entry.has(PolicyKey.NOTIFY)) {
                channels.put(entry.name(), channels(entry));
            }
        }
        return check(null, () -> new NotificationTargets(channels));
    }

    /** The channels of one environment's entry; none when it has no {@code notify:} section. */
    public static List<Channel> channels(PolicyEntry entry) {
        List<Object> items = entry.items(PolicyKey.NOTIFY).orElse(List.of());
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            channels.add(channel(entry, i, items.get(i)));
        }
        return check(entry, () -> new NotificationTargets(Map.of(entry.name(), channels)).channels(entry.name()));
    }

    private static Channel channel(PolicyEntry entry, int index, Object item) {
        String where = PolicyKey.NOTIFY.key() + "[" + index + "]";
        if (!(item instanceof Map<?, ?> map)) {
            throw entry.refusal(
                    PolicyKey.NOTIFY,
                    where + " has the wrong shape; fix: write a mapping such as '{name: ops, type: slack, urlEnv:"
                            + " SLACK_WEBHOOK_URL}'");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        for (String key : values.keySet()) {
            if (!KNOWN.contains(key)) {
                throw entry.refusal(
                        PolicyKey.NOTIFY,
                        where + ": unknown key '" + key + "'; fix: use one of the known keys: "
                                + String.join(", ", KNOWN));
            }
        }
        String name = text(entry, where, values, NAME);
        String typeWord = text(entry, where, values, TYPE);
        if (name == null || typeWord == null) {
            throw entry.refusal(
                    PolicyKey.NOTIFY,
                    where + " needs a name and a type; fix: add 'name:' and 'type:' (webhook, slack or pagerduty)");
        }
        String at = where + " (" + name + ")";
        ChannelType type = check(entry, at, () -> ChannelType.parse(typeWord));
        List<SecretRef> secrets = new ArrayList<>();
        boolean pagerDuty = type == ChannelType.PAGERDUTY;
        reference(entry, at, values, pagerDuty ? ROUTING_KEY_ENV : URL_ENV, SecretRef.Source.ENVIRONMENT, secrets);
        reference(entry, at, values, pagerDuty ? ROUTING_KEY_FILE : URL_FILE, SecretRef.Source.FILE, secrets);
        reference(entry, at, values, CREDENTIALS_ID, SecretRef.Source.CREDENTIALS, secrets);
        for (String wrong : pagerDuty ? List.of(URL_ENV, URL_FILE) : List.of(ROUTING_KEY_ENV, ROUTING_KEY_FILE)) {
            if (values.get(wrong) != null) {
                throw entry.refusal(
                        PolicyKey.NOTIFY,
                        at + ": " + wrong + " does not apply to a " + type.word() + " channel; fix: use "
                                + (pagerDuty ? "routingKeyEnv or routingKeyFile" : "urlEnv or urlFile"));
            }
        }
        if (secrets.size() > 1) {
            throw entry.refusal(PolicyKey.NOTIFY, at + " names its secret twice; fix: keep one of them");
        }
        String url = text(entry, at, values, URL);
        Set<NotificationKind> events = events(entry, at, values.get(EVENTS));
        Map<String, String> links = links(entry, at, values.get(LINKS));
        SecretRef secret = secrets.isEmpty() ? null : secrets.get(0);
        return check(entry, at, () -> new Channel(name, type, secret, url, events, links));
    }

    private static void reference(
            PolicyEntry entry,
            String at,
            Map<String, Object> values,
            String key,
            SecretRef.Source source,
            List<SecretRef> into) {
        String name = text(entry, at, values, key);
        if (name != null) {
            into.add(new SecretRef(source, name));
        }
    }

    private static Set<NotificationKind> events(PolicyEntry entry, String at, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw entry.refusal(
                    PolicyKey.NOTIFY,
                    at + ": events must be a list such as [watch.critical, watch.resolved]; fix: list the events, or"
                            + " leave events out for every event");
        }
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        for (Object word : list) {
            kinds.add(check(entry, at, () -> NotificationKind.parse(String.valueOf(word))));
        }
        return kinds;
    }

    private static Map<String, String> links(PolicyEntry entry, String at, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw entry.refusal(
                    PolicyKey.NOTIFY,
                    at + ": links must be a mapping of label to address such as {Dashboard: https://grafana/d/shop};"
                            + " fix: write it so");
        }
        Map<String, String> links = new LinkedHashMap<>();
        map.forEach((label, link) -> links.put(String.valueOf(label), String.valueOf(link)));
        return links;
    }

    private static String text(PolicyEntry entry, String at, Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw entry.refusal(PolicyKey.NOTIFY, at + ": " + key + " must be a text; fix: write it as one");
        }
        return text.strip();
    }

    private static <T> T check(PolicyEntry entry, java.util.function.Supplier<T> build) {
        return check(entry, "", build);
    }

    /** An engine check of a channel, its refusal turned into this entry's message. */
    private static <T> T check(PolicyEntry entry, String at, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            if (entry == null) {
                throw new PolicyException("environments", e.getMessage() + "; fix: correct the notify section");
            }
            throw entry.refusal(
                    PolicyKey.NOTIFY, (at.isEmpty() ? "" : at + ": ") + e.getMessage() + "; fix: correct this channel");
        }
    }
}
