package io.jenkins.plugins.genesis.kubernetes;

import io.genesis.core.secret.Redaction;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a Kubernetes target's settings say the cluster is reached: a credential by id, or a cloud by name. */
sealed interface ConnectionChoice permits ConnectionChoice.Credential, ConnectionChoice.Cloud {

    /**
     * A Jenkins credential: a kubeconfig (secret file), whose context may be named; or a token
     * (secret text), which needs the server URL and may name the CA certificate.
     */
    record Credential(String credentialsId, String serverUrl, String caCertificate, String context)
            implements ConnectionChoice {}

    /** A Kubernetes plugin cloud, whose client brings its own server and credentials. */
    record Cloud(String name) implements ConnectionChoice {}

    /**
     * The connection {@code settings} name.
     *
     * @throws IllegalArgumentException when they name none, both kinds, or settings that do not go together
     */
    static ConnectionChoice of(Map<String, String> settings) {
        String credentialsId = settings.get(KubernetesSettings.CREDENTIALS_ID);
        String cloud = settings.get(KubernetesSettings.CLOUD);
        if (credentialsId != null && cloud != null) {
            throw new IllegalArgumentException("the kubernetes target names both credentialsId '" + credentialsId
                    + "' and cloud '" + cloud + "'; fix: keep one of them: a credential, or a Kubernetes plugin cloud");
        }
        if (cloud != null) {
            List<String> extra = new ArrayList<>();
            for (String key : List.of(
                    KubernetesSettings.SERVER_URL, KubernetesSettings.CA_CERTIFICATE, KubernetesSettings.CONTEXT)) {
                if (settings.containsKey(key)) {
                    extra.add(key);
                }
            }
            if (!extra.isEmpty()) {
                throw new IllegalArgumentException(
                        "cloud '" + cloud + "' brings its own server and credentials, so " + String.join(", ", extra)
                                + " cannot be used with it; fix: remove " + String.join(", ", extra));
            }
            return new Cloud(cloud);
        }
        if (credentialsId == null) {
            throw new IllegalArgumentException("the kubernetes target names no connection; fix: set credentialsId (a"
                    + " kubeconfig as a secret file, or a token as secret text with serverUrl) or cloud (a Kubernetes"
                    + " plugin cloud), in the Jenkinsfile's kubernetes(...) or, for an administrator, in the"
                    + " environment's target in the global configuration");
        }
        String serverUrl = settings.get(KubernetesSettings.SERVER_URL);
        if (serverUrl != null) {
            checkServerUrl(serverUrl).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        } else if (settings.containsKey(KubernetesSettings.CA_CERTIFICATE)) {
            throw new IllegalArgumentException("caCertificate is given without serverUrl; fix: give the API server's"
                    + " serverUrl with it (for a token), or remove it (a kubeconfig names its own CA)");
        }
        return new Credential(
                credentialsId,
                serverUrl,
                settings.getOrDefault(KubernetesSettings.CA_CERTIFICATE, ""),
                settings.getOrDefault(KubernetesSettings.CONTEXT, ""));
    }

    /** What is wrong with a server URL, if anything; the URL is shown without credentials it may carry. */
    static Optional<String> checkServerUrl(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String shown = Redaction.url(value.trim());
        if (Redaction.carriesSecret(value)) {
            return Optional.of("serverUrl " + shown + " carries credentials; fix: give the address alone, and the"
                    + " token as a secret text credential");
        }
        try {
            URI uri = new URI(value.trim());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        return Optional.of("serverUrl must be the API server's https address, such as https://api.example:6443;"
                + " got " + shown);
    }
}
