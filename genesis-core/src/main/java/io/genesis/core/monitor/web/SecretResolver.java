package io.genesis.core.monitor.web;

/**
 * Turns a secret's reference, as stored with a rollout ({@code env:DD_API_KEY}, {@code file:/run/secrets/nr},
 * or in Jenkins a credentials id), into the secret at the moment a request needs it. The secret itself
 * is never stored, logged or put in a message; a reference that cannot be resolved fails naming the
 * reference only.
 */
@FunctionalInterface
public interface SecretResolver {

    /**
     * The secret {@code reference} names.
     *
     * @throws IllegalArgumentException naming the reference and the fix, never a secret
     */
    String resolve(String reference);
}
