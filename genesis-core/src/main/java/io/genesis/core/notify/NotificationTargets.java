package io.genesis.core.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channels of each environment: what the {@code notify:} sections of a policy say, or what the
 * Jenkins global configuration holds.
 *
 * @param byEnvironment each environment's channels, by environment name
 */
public record NotificationTargets(Map<String, List<Channel>> byEnvironment) {

    /** No channels anywhere: nothing is queued. */
    public static final NotificationTargets NONE = new NotificationTargets(Map.of());

    public NotificationTargets {
        Map<String, List<Channel>> copy = new LinkedHashMap<>();
        byEnvironment.forEach((environment, channels) -> {
            List<String> names = channels.stream().map(Channel::name).toList();
            for (String name : names) {
                if (names.indexOf(name) != names.lastIndexOf(name)) {
                    throw new IllegalArgumentException("environment " + environment + " has two channels named '" + name
                            + "'; fix: give each channel its own name");
                }
            }
            copy.put(environment, List.copyOf(channels));
        });
        byEnvironment = Collections.unmodifiableMap(copy);
    }

    public List<Channel> channels(String environment) {
        return byEnvironment.getOrDefault(environment, List.of());
    }

    public Optional<Channel> channel(String environment, String name) {
        return channels(environment).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** These targets with {@code environment}'s channels replaced by {@code channels}. */
    public NotificationTargets with(String environment, List<Channel> channels) {
        Map<String, List<Channel>> copy = new LinkedHashMap<>(byEnvironment);
        copy.put(environment, channels);
        return new NotificationTargets(copy);
    }

    public boolean isEmpty() {
        return byEnvironment.values().stream().allMatch(List::isEmpty);
    }
}
