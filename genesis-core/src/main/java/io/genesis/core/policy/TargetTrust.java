package io.genesis.core.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which target settings a deploy request may give beside the target a trusted source (the Jenkins
 * global configuration, a policy file outside the checkout) sets for its environment. The request
 * (a Jenkinsfile's step, a checkout's file) is untrusted: for a protected environment it may not
 * name the connection (credentials, API address, cluster) nor change a setting the trusted target
 * fixes, and the trusted target must name a connection. For any environment, a connection is taken
 * whole from one source: a request that names its own connection gets none of the trusted one, so a
 * trusted credential never goes to an address the request chose.
 */
public final class TargetTrust {

    private TargetTrust() {}

    /**
     * Target settings from one source.
     *
     * @param name how to name the source in a message, such as {@code the global configuration}
     * @param settings its settings, by key
     */
    public record Source(String name, Map<String, String> settings) {

        public Source {
            Objects.requireNonNull(name, "name");
            settings = Map.copyOf(settings);
        }

        boolean namesConnection(Collection<String> connectionKeys) {
            return connectionKeys.stream().anyMatch(settings::containsKey);
        }
    }

    /**
     * The settings a rollout to {@code environment} uses.
     *
     * @param environment the environment deployed to (its {@code protected} flag decides)
     * @param trusted the environment's target from the trusted source, possibly empty
     * @param requested the target the deploy request names
     * @param connectionKeys the keys that say how the target is reached (credentials, addresses)
     * @throws IllegalArgumentException naming the environment, the key, the source and the fix
     */
    public static Map<String, String> settings(
            Environment environment, Source trusted, Source requested, Set<String> connectionKeys) {
        if (environment.protectedEnvironment()) {
            return protectedSettings(environment.name(), trusted, requested, connectionKeys);
        }
        Map<String, String> settings = new LinkedHashMap<>(trusted.settings());
        if (requested.namesConnection(connectionKeys)) {
            settings.keySet().removeAll(connectionKeys);
        }
        settings.putAll(requested.settings());
        return Map.copyOf(settings);
    }

    private static Map<String, String> protectedSettings(
            String environment, Source trusted, Source requested, Set<String> connectionKeys) {
        List<String> named = new TreeSet<>(requested.settings().keySet())
                .stream().filter(connectionKeys::contains).toList();
        if (!named.isEmpty()) {
            throw new IllegalArgumentException(environment + " is protected, and " + requested.name()
                    + " may not name how its target is reached (" + String.join(", ", named) + "); fix: remove "
                    + String.join(", ", named) + " from " + requested.name() + ": an administrator sets the"
                    + " environment's target in " + trusted.name());
        }
        if (!trusted.namesConnection(connectionKeys)) {
            throw new IllegalArgumentException(environment + " is protected, and " + trusted.name()
                    + " names no connection for its target, so it cannot be deployed to; fix: an administrator sets"
                    + " one of " + new TreeSet<>(connectionKeys) + " in the environment's target there");
        }
        Map<String, String> settings = new LinkedHashMap<>(trusted.settings());
        for (Map.Entry<String, String> setting : new TreeMap<>(requested.settings()).entrySet()) {
            String fixed = trusted.settings().get(setting.getKey());
            if (fixed != null && !fixed.equals(setting.getValue())) {
                throw new IllegalArgumentException(environment + " is protected: " + setting.getKey() + " '"
                        + setting.getValue() + "' from " + requested.name() + " would change '" + fixed + "' that "
                        + trusted.name() + " sets; fix: remove " + setting.getKey() + " from " + requested.name()
                        + ", or have an administrator change it in " + trusted.name());
            }
            settings.put(setting.getKey(), setting.getValue());
        }
        return Map.copyOf(settings);
    }
}
