package io.jenkins.plugins.genesis.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.kubernetes.connect.ClientSettings;
import io.genesis.kubernetes.connect.Connection;
import io.genesis.kubernetes.connect.KubernetesClients;
import java.net.URI;
import java.util.Objects;

/**
 * Builds the fabric8 client for a connection choice: a credential's secret, read now, becomes the
 * Kubernetes module's {@link Connection} (so its transport rules hold: no token over plain http, a
 * kubeconfig that reads no file and runs no command); a cloud's client comes from the Kubernetes
 * plugin. The secret lives only in the client.
 */
final class KubernetesConnector {

    private final ClientSettings settings;

    KubernetesConnector(ClientSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A client the caller owns. */
    KubernetesClient open(ConnectionChoice.Credential choice, CredentialLookup credentials) {
        return KubernetesClients.open(connection(choice, credentials.find(choice.credentialsId())), settings);
    }

    static Connection connection(ConnectionChoice.Credential choice, ClusterSecret secret) {
        String id = choice.credentialsId();
        if (secret instanceof ClusterSecret.Kubeconfig kubeconfig) {
            if (choice.serverUrl() != null || !choice.caCertificate().isEmpty()) {
                throw new IllegalArgumentException(CredentialProblems.kubeconfigWithServer(id));
            }
            return new Connection.KubeconfigText("credential '" + id + "'", kubeconfig.content(), choice.context());
        }
        ClusterSecret.Token token = (ClusterSecret.Token) secret;
        if (choice.serverUrl() == null) {
            throw new IllegalArgumentException(CredentialProblems.tokenWithoutServer(id));
        }
        if (!choice.context().isEmpty()) {
            throw new IllegalArgumentException(CredentialProblems.tokenWithContext(id));
        }
        if (token.token().isBlank()) {
            throw new IllegalArgumentException("credential '" + id + "' holds an empty token; fix: store the service"
                    + " account's token (for example from 'kubectl create token') in it");
        }
        return new Connection.Token(URI.create(choice.serverUrl()), token.token(), choice.caCertificate());
    }
}
