package io.genesis.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of {@code genesis deploy --target kubernetes}, each one Kubernetes target setting under
 * its own name. A bearer token has no option on purpose: only the name of the variable or file holding
 * it, so that it never sits in shell history, process lists or the stored rollout.
 */
final class KubernetesOptions {

    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description = "The kubeconfig file (default: the first file of $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(
            names = "--context",
            paramLabel = "NAME",
            description = "The kubeconfig context (default: its current context, which is then stored with the"
                    + " rollout).")
    String context;

    @Option(names = "--in-cluster", description = "Use the service account of the pod genesis runs in.")
    boolean inCluster;

    @Option(
            names = "--api-url",
            paramLabel = "URL",
            description = "The API server, such as https://api.example:6443, with --token-env or --token-file.")
    String apiUrl;

    @Option(
            names = "--token-env",
            paramLabel = "NAME",
            description = "The environment variable holding the bearer token (its name is stored, never the token).")
    String tokenEnv;

    @Option(names = "--token-file", paramLabel = "FILE", description = "The file holding the bearer token.")
    Path tokenFile;

    @Option(
            names = "--ca-file",
            paramLabel = "FILE",
            description = "The CA certificate (PEM) that signed the API server's certificate.")
    Path caFile;

    @Option(
            names = "--allow-insecure-http",
            description = "Let the credential go over plain http to an API server on this machine's loopback (a"
                    + " development cluster); refused for any other host.")
    boolean allowInsecureHttp;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            description = "The target namespace; the lock's Lease lives there.")
    String namespace;

    @Option(
            names = "--deployment",
            paramLabel = "NAME",
            description = "The Deployment, or the base name of the blue-green slots (default: the application).")
    String deployment;

    @Option(names = "--image", paramLabel = "IMAGE", description = "The image to roll out, such as reg/shop:1.4.0.")
    String image;

    @Option(
            names = "--app-label",
            paramLabel = "VALUE",
            description = "The pods' app label (default: the application).")
    String app;

    @Option(
            names = "--container",
            paramLabel = "NAME",
            description = "The container to update, when pods have several.")
    String container;

    @Option(
            names = "--http-route",
            paramLabel = "NAME",
            description = "A Gateway API HTTPRoute that splits traffic by weight.")
    String httpRoute;

    @Option(
            names = "--manifests",
            paramLabel = "DIR",
            description = "A folder of YAML manifests applied (server-side dry run first, then server-side apply) with"
                    + " the image substituted, before the candidate is deployed.")
    String manifests;

    /** The settings given, by the names the target stores them under. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        put(settings, KubernetesAccess.KUBECONFIG, kubeconfig);
        put(settings, KubernetesAccess.CONTEXT, context);
        if (inCluster) {
            settings.put(KubernetesAccess.IN_CLUSTER, "true");
        }
        put(settings, KubernetesAccess.API_URL, apiUrl);
        put(settings, KubernetesAccess.TOKEN_ENV, tokenEnv);
        put(settings, KubernetesAccess.TOKEN_FILE, tokenFile);
        put(settings, KubernetesAccess.CA_FILE, caFile);
        if (allowInsecureHttp) {
            settings.put(KubernetesAccess.ALLOW_INSECURE_HTTP, "true");
        }
        put(settings, KubernetesKind.NAMESPACE, namespace);
        put(settings, KubernetesKind.DEPLOYMENT, deployment);
        put(settings, KubernetesKind.IMAGE, image);
        put(settings, "app", app);
        put(settings, "container", container);
        put(settings, "httpRoute", httpRoute);
        put(settings, KubernetesKind.MANIFESTS, manifests);
        return settings;
    }

    private static void put(Map<String, String> settings, String name, Object value) {
        if (value != null) {
            settings.put(name, value.toString());
        }
    }
}
