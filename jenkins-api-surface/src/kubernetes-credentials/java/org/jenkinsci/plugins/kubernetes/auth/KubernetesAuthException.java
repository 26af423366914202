package org.jenkinsci.plugins.kubernetes.auth;

/**
 * A Kubernetes cloud's credentials could not be turned into a connection. Mirrors {@code
 * org.jenkinsci.plugins:kubernetes-credentials}, tag 206.vde31a_b_0f71a_c.
 */
public class KubernetesAuthException extends Exception {

    private static final long serialVersionUID = 1L;

    public KubernetesAuthException(String message) {
        super(message);
    }
}
