package io.jenkins.plugins.genesis.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a Kubernetes target's stored settings that say how the cluster is reached, beside the
 * Kubernetes module's own settings (namespace, deployment, image, ...). All are ids, names or
 * addresses: the secret behind a credential id is looked up each time the target is opened.
 */
final class KubernetesSettings {

    /** A Jenkins credential: a kubeconfig as a secret file, or a bearer token as secret text. */
    static final String CREDENTIALS_ID = "credentialsId";

    /** The API server, for a token. */
    static final String SERVER_URL = "serverUrl";

    /** The PEM certificate of the CA that signed the API server's certificate, for a token. */
    static final String CA_CERTIFICATE = "caCertificate";

    /** The context of a kubeconfig credential, else its current one. */
    static final String CONTEXT = "context";

    /** The name of a Kubernetes plugin cloud whose client is used. */
    static final String CLOUD = "cloud";

    /** The build that asked for the rollout: credentials are looked up in its context. */
    static final String RUN = "run";

    /** What a request for a protected environment may not name: it comes from the global configuration. */
    static final Set<String> CONNECTION = Set.of(CREDENTIALS_ID, SERVER_URL, CA_CERTIFICATE, CONTEXT, CLOUD);

    private KubernetesSettings() {}

    /** {@code settings} without the connection and the run: what the Kubernetes module's factory reads. */
    static Map<String, String> targetOnly(Map<String, String> settings) {
        Map<String, String> target = new LinkedHashMap<>(settings);
        target.keySet().removeAll(CONNECTION);
        target.remove(RUN);
        return target;
    }
}
