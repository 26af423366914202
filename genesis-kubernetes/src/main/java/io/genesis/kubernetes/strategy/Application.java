package io.genesis.kubernetes.strategy;

import java.util.regex.Pattern;

/**
 * Where an application lives in the cluster and what its objects are called.
 *
 * @param namespace the namespace of this environment
 * @param app the value of the {@code app} label of the application's pods
 * @param deployment the base name of the Deployments: {@code shop} gives {@code shop} (rolling, canary
 *     stable), {@code shop-blue} / {@code shop-green} (blue-green) and {@code shop-canary}
 * @param container the container whose image Genesis sets, or empty when pods have one container
 */
public record Application(String namespace, String app, String deployment, String container) {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Application {
        requireName("namespace", namespace);
        requireName("app", app);
        requireName("deployment", deployment);
        container = container == null ? "" : container;
        if (!container.isEmpty()) {
            requireName("container", container);
        }
    }

    public static Application of(String namespace, String app) {
        return new Application(namespace, app, app, "");
    }

    static void requireName(String field, String value) {
        if (value == null || !DNS_LABEL.matcher(value).matches() || value.length() > 56) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a valid Kubernetes name here: use up"
                    + " to 56 lower-case letters, digits or '-', starting and ending with a letter or digit");
        }
    }
}
