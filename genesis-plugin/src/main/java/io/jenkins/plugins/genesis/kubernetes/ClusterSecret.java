package io.jenkins.plugins.genesis.kubernetes;

import java.util.Objects;

/**
 * The secret of a credential, as long as a client is being built from it: never stored, logged or
 * shown ({@link #toString()} names the credential only).
 */
sealed interface ClusterSecret permits ClusterSecret.Kubeconfig, ClusterSecret.Token {

    /** The id of the credential the secret comes from. */
    String credentialsId();

    /** A kubeconfig, from a secret file credential. */
    record Kubeconfig(String credentialsId, String content) implements ClusterSecret {

        public Kubeconfig {
            Objects.requireNonNull(credentialsId, "credentialsId");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String toString() {
            return "Kubeconfig[credentialsId=" + credentialsId + ", content=****]";
        }
    }

    /** A bearer token, from a secret text credential. */
    record Token(String credentialsId, String token) implements ClusterSecret {

        public Token {
            Objects.requireNonNull(credentialsId, "credentialsId");
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Token[credentialsId=" + credentialsId + ", token=****]";
        }
    }
}
