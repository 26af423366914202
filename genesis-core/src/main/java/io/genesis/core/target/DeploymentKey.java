package io.genesis.core.target;

import io.genesis.core.policy.Environment;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * The identity of a deployment: one application in one environment. Locks, records and "what
 * runs where" are all keyed by it, so two applications in one environment never block each other.
 *
 * @param application the application's name, such as {@code shop}
 * @param environment the environment's name, such as {@code production}
 */
public record DeploymentKey(String application, String environment) implements Comparable<DeploymentKey> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Comparator<DeploymentKey> ORDER =
            Comparator.comparing(DeploymentKey::application).thenComparing(DeploymentKey::environment);

    public DeploymentKey {
        if (application == null || !NAME.matcher(application).matches()) {
            throw new IllegalArgumentException("application name '" + application
                    + "' is not valid: use 1 to 63 lower-case letters, digits or '-', starting and ending with"
                    + " a letter or digit (for example 'shop')");
        }
        Environment.requireValidName(environment);
    }

    public static DeploymentKey of(String application, String environment) {
        return new DeploymentKey(application, environment);
    }

    /**
     * A name usable as a file name or lock name. Neither part may contain a dot, so the dot keeps
     * {@code a-b}/{@code c} apart from {@code a}/{@code b-c}.
     */
    public String fileName() {
        return application + "." + environment;
    }

    @Override
    public int compareTo(DeploymentKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return application + " in " + environment;
    }
}
