package io.genesis.kubernetes.connect;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import io.genesis.core.secret.ParseProblem;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds fabric8 clients on the OkHttp HTTP client, from a {@link Connection}. The client factory is
 * named explicitly rather than found on the class path, so the Jenkins plugin and the CLI get the
 * same client whatever else is loaded.
 */
public final class KubernetesClients {

    private KubernetesClients() {}

    /** A client for {@code connection}; close it when done. */
    public static KubernetesClient open(Connection connection, ClientSettings settings) {
        return new KubernetesClientBuilder()
                .withConfig(config(connection, settings))
                .withHttpClientFactory(new OkHttpClientFactory())
                .build();
    }

    /** The fabric8 configuration for {@code connection}, read explicitly (no environment guessing). */
    public static Config config(Connection connection, ClientSettings settings) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(settings, "settings");
        Config base = base(connection);
        String url = base.getMasterUrl();
        Config config = new ConfigBuilder(base)
                .withMasterUrl(url.endsWith("/") ? url : url + "/")
                .withConnectionTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .withRequestTimeout(Math.toIntExact(settings.requestTimeout().toMillis()))
                .withRequestRetryBackoffLimit(settings.retries())
                .withRequestRetryBackoffInterval(
                        Math.toIntExact(settings.retryInterval().toMillis()))
                .build();
        Transport.check(config, settings);
        return config;
    }

    /**
     * What is unsafe but allowed about how {@code client} reaches its cluster (TLS verification off,
     * plain http to loopback), one sentence each: the caller logs and records them.
     */
    public static List<String> warnings(KubernetesClient client) {
        return Transport.warnings(client.getConfiguration());
    }

    private static Config base(Connection connection) {
        if (connection instanceof Connection.Kubeconfig kubeconfig) {
            return fromKubeconfig(kubeconfig);
        }
        if (connection instanceof Connection.KubeconfigText text) {
            Config config = InlineKubeconfig.config(text);
            return withContext(config, "the kubeconfig of " + text.origin(), text.context());
        }
        if (connection instanceof Connection.InCluster inCluster) {
            return new ConfigBuilder(Config.empty())
                    .withMasterUrl(inCluster.apiUrl().toString())
                    .withOauthToken(inCluster.token())
                    .withCaCertFile(inCluster.caFile().toString())
                    .build();
        }
        Connection.Token token = (Connection.Token) connection;
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(token.apiUrl().toString())
                .withOauthToken(token.token())
                .withCaCertData(token.caData().isEmpty() ? null : token.caData())
                .build();
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Config fromKubeconfig(Connection.Kubeconfig kubeconfig) {
        if (!Files.isRegularFile(kubeconfig.file())) {
            throw new IllegalArgumentException("kubeconfig file " + kubeconfig.file() + " does not exist: give the"
                    + " path of a kubeconfig (such as ~/.kube/config) or use an in-cluster or token connection");
        }
        Config config;
        try {
            config = Config.fromKubeconfig(
                    kubeconfig.context().isEmpty() ? null : kubeconfig.context(),
                    kubeconfig.file().toFile());
        } catch (RuntimeException e) {
            // fabric8 passes on the YAML parser's message, which quotes the line: in a kubeconfig, a token.
            // So neither that message nor the exception carrying it goes on.
            throw new IllegalArgumentException("kubeconfig " + kubeconfig.file() + " cannot be read: "
                    + ParseProblem.problem(rootCause(e)) + "; fix: check it with 'kubectl config view'");
        }
        return withContext(config, "kubeconfig " + kubeconfig.file(), kubeconfig.context());
    }

    /** {@code config} once it is sure to reach the context asked for, and a server. */
    static Config withContext(Config config, String where, String context) {
        // fabric8 quietly uses the current context when the named one is missing: a typo would then
        // deploy to whatever cluster the file points at now. Refuse instead.
        if (!context.isEmpty()
                && (config.getCurrentContext() == null
                        || !context.equals(config.getCurrentContext().getName()))) {
            throw new IllegalArgumentException(where + " has no context '"
                    + context + "'; its contexts: "
                    + (config.getContexts() == null || config.getContexts().isEmpty()
                            ? "none"
                            : config.getContexts().stream()
                                    .map(NamedContext::getName)
                                    .sorted()
                                    .collect(Collectors.joining(", ")))
                    + "; fix: name one of them ('kubectl config get-contexts' lists them)");
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new IllegalArgumentException(where + " has no cluster server for "
                    + (context.isEmpty() ? "its current context" : "context '" + context + "'")
                    + ": check the context name with 'kubectl config get-contexts'");
        }
        return config;
    }
}
