package io.genesis.kubernetes.connect;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import io.genesis.core.secret.Redaction;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * How Genesis reaches a cluster: a kubeconfig file and context, a kubeconfig's text (such as a
 * Jenkins secret file), the service account of the pod it runs in, or an API URL with a bearer
 * token and CA certificate. Never prints a secret.
 */
public sealed interface Connection
        permits Connection.Kubeconfig, Connection.KubeconfigText, Connection.InCluster, Connection.Token {

    /** One line for logs, without secrets. */
    String describe();

    /**
     * A kubeconfig file and one of its contexts.
     *
     * @param file the kubeconfig file
     * @param context the context to use, or empty for the file's current context
     */
    record Kubeconfig(Path file, String context) implements Connection {

        public Kubeconfig {
            Objects.requireNonNull(file, "kubeconfig file");
            context = context == null ? "" : context.trim();
        }

        /**
         * The kubeconfig {@code kubectl} would use: the first file of {@code KUBECONFIG}, else
         * {@code ~/.kube/config}.
         */
        public static Kubeconfig standard(Map<String, String> environment, Path home, String context) {
            String variable = environment.getOrDefault("KUBECONFIG", "");
            String first = variable.split(java.io.File.pathSeparator, -1)[0].trim();
            Path file = first.isEmpty() ? home.resolve(".kube").resolve("config") : Path.of(first);
            return new Kubeconfig(file, context);
        }

        @Override
        public String describe() {
            return "kubeconfig " + file + (context.isEmpty() ? " (current context)" : " context '" + context + "'");
        }
    }

    /**
     * The text of a kubeconfig that comes from a secret store rather than a file of this machine,
     * such as a Jenkins secret file credential. It must be self-contained: whoever controls the text
     * must not make Genesis read a file of this machine (a token file, a certificate or key path) or
     * run a command ({@code exec}, {@code auth-provider}) on it.
     *
     * @param origin where the text comes from, for messages, such as {@code credential 'kube-prod'}
     * @param content the kubeconfig's YAML; never printed
     * @param context the context to use, or empty for the text's current context
     */
    record KubeconfigText(String origin, String content, String context) implements Connection {

        public KubeconfigText {
            Objects.requireNonNull(origin, "origin");
            if (content == null || content.isBlank()) {
                throw new IllegalArgumentException(
                        "the kubeconfig of " + origin + " is empty: store a kubeconfig in it ('kubectl config"
                                + " view --raw --flatten --minify' writes one with the certificates embedded)");
            }
            context = context == null ? "" : context.trim();
        }

        @Override
        public String describe() {
            return "kubeconfig of " + origin
                    + (context.isEmpty() ? " (current context)" : " context '" + context + "'");
        }

        @Override
        public String toString() {
            return "KubeconfigText[origin=" + origin + ", content=****, context=" + context + "]";
        }
    }

    /**
     * The service account of the pod Genesis runs in.
     *
     * @param apiUrl the API server, from {@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT}
     * @param accountDirectory the mounted service account: {@code token}, {@code ca.crt}
     */
    @SuppressFBWarnings(
            value = "DMI_HARDCODED_ABSOLUTE_FILENAME",
            justification = "the fixed path where Kubernetes mounts every pod's service account")
    record InCluster(URI apiUrl, Path accountDirectory) implements Connection {

        /** Where Kubernetes mounts a pod's service account. */
        public static final Path ACCOUNT_DIRECTORY = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

        public InCluster {
            Objects.requireNonNull(apiUrl, "apiUrl");
            Objects.requireNonNull(accountDirectory, "accountDirectory");
        }

        /** Reads the API server's address from the variables Kubernetes sets in every pod. */
        public static InCluster fromEnvironment(Map<String, String> environment, Path accountDirectory) {
            String host = environment.getOrDefault("KUBERNETES_SERVICE_HOST", "");
            String port = environment.getOrDefault("KUBERNETES_SERVICE_PORT", "");
            if (host.isBlank() || port.isBlank()) {
                throw new IllegalArgumentException("in-cluster connection needs KUBERNETES_SERVICE_HOST and"
                        + " KUBERNETES_SERVICE_PORT, which Kubernetes sets in every pod; found host '" + host
                        + "' and port '" + port + "': outside a cluster, use a kubeconfig or a URL with a token");
            }
            String hostPart = host.contains(":") ? "[" + host + "]" : host;
            return new InCluster(URI.create("https://" + hostPart + ":" + port.trim() + "/"), accountDirectory);
        }

        /** The service account token, read fresh: Kubernetes rotates projected tokens. */
        String token() {
            return read(accountDirectory.resolve("token"), "service account token")
                    .trim();
        }

        Path caFile() {
            return accountDirectory.resolve("ca.crt");
        }

        @Override
        public String describe() {
            return "in-cluster service account (" + apiUrl + ")";
        }
    }

    /**
     * An API URL with a bearer token and the CA certificate that signed the server's certificate.
     *
     * @param apiUrl the API server, such as {@code https://api.example:6443}
     * @param token the bearer token; never printed
     * @param caCertificate the CA certificate in PEM, or base64 of the PEM as in a kubeconfig; empty
     *     to trust the JVM's default CAs
     */
    record Token(URI apiUrl, String token, String caCertificate) implements Connection {

        public Token {
            Objects.requireNonNull(apiUrl, "apiUrl");
            if (!"https".equals(apiUrl.getScheme()) && !"http".equals(apiUrl.getScheme())) {
                throw new IllegalArgumentException("apiUrl must start with https:// (for example"
                        + " https://api.example:6443), got " + Redaction.url(apiUrl.toString()));
            }
            if (Redaction.carriesSecret(apiUrl.toString())) {
                throw new IllegalArgumentException("apiUrl must not carry credentials (user:password@ or a token"
                        + " parameter): give the address alone, and the token by its variable or file");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank: give the service account's bearer"
                        + " token (for example from 'kubectl create token')");
            }
            caCertificate = caCertificate == null ? "" : caCertificate.trim();
        }

        /** The CA certificate as fabric8 wants it: base64 of the PEM text. */
        String caData() {
            if (caCertificate.startsWith("-----BEGIN")) {
                return Base64.getEncoder().encodeToString(caCertificate.getBytes(StandardCharsets.US_ASCII));
            }
            return caCertificate;
        }

        @Override
        public String describe() {
            return "API " + Redaction.url(apiUrl.toString()) + " with a bearer token"
                    + (caCertificate.isEmpty() ? "" : " and CA certificate");
        }

        @Override
        public String toString() {
            return "Token[apiUrl=" + Redaction.url(apiUrl.toString()) + ", token=****, caCertificate="
                    + (caCertificate.isEmpty() ? "none" : "given") + "]";
        }
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the " + what + " at " + file + ": " + e.getMessage()
                            + "; mount the service account (automountServiceAccountToken) or use another connection",
                    e);
        }
    }
}
