package io.genesis.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.Redaction;
import io.genesis.kubernetes.connect.Connection;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How the command line reaches a Kubernetes cluster, as stored with each rollout so that a later
 * genesis process (a rollback, the next deploy) reaches the same one: a kubeconfig file and one of its
 * contexts, the service account of the pod genesis runs in, or an API URL with the name of the
 * environment variable or file that holds the bearer token. The token is read only when a client is
 * made: it is never stored, printed, or taken from the command line, where shells and process lists
 * would keep it.
 *
 * <p>Settings: {@code kubeconfig}, {@code context}; {@code inCluster}; {@code apiUrl} with
 * {@code tokenEnv} or {@code tokenFile}, and {@code caFile}; {@code allowInsecureHttp} lets a
 * credential go over plain http to a loopback API server (a development cluster), never elsewhere.
 */
final class KubernetesAccess {

    static final String KUBECONFIG = "kubeconfig";
    static final String CONTEXT = "context";
    static final String IN_CLUSTER = "inCluster";
    static final String API_URL = "apiUrl";
    static final String TOKEN_ENV = "tokenEnv";
    static final String TOKEN_FILE = "tokenFile";
    static final String CA_FILE = "caFile";
    static final String ALLOW_INSECURE_HTTP = "allowInsecureHttp";

    /** Every access setting, sorted. */
    static final Set<String> NAMES = Set.copyOf(new TreeSet<>(
            List.of(KUBECONFIG, CONTEXT, IN_CLUSTER, API_URL, TOKEN_ENV, TOKEN_FILE, CA_FILE, ALLOW_INSECURE_HTTP)));

    private static final String CHOICES = "a kubeconfig (--kubeconfig FILE, --context NAME), --in-cluster, or"
            + " --api-url URL with --token-env NAME or --token-file FILE";

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> environment;
    private final Path home;
    private final Path workingDirectory;

    /**
     * @param environment the process's environment variables (tokens, {@code KUBECONFIG}, in-cluster address)
     * @param home the user's home directory, for {@code ~} and {@code ~/.kube/config}
     * @param workingDirectory what relative paths are relative to
     */
    KubernetesAccess(Map<String, String> environment, Path home, Path workingDirectory) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.home = Objects.requireNonNull(home, "home").toAbsolutePath();
        this.workingDirectory =
                Objects.requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath();
    }

    /** The access settings among {@code settings}. */
    static Map<String, String> of(Map<String, String> settings) {
        Map<String, String> access = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            if (NAMES.contains(name)) {
                access.put(name, value);
            }
        });
        return access;
    }

    /** The settings among {@code settings} that are not about access: the target factory's. */
    static Map<String, String> withoutAccess(Map<String, String> settings) {
        Map<String, String> rest = new LinkedHashMap<>(settings);
        rest.keySet().removeAll(NAMES);
        return rest;
    }

    /**
     * The access settings to store for {@code given}: checked, paths made absolute, the kubeconfig
     * {@code kubectl} would use when no way is named, and the context pinned to the one in use now,
     * so that a later process reaches the same cluster even after {@code kubectl config use-context}.
     *
     * @throws IllegalArgumentException naming what is wrong and how to fix it
     */
    Map<String, String> resolve(Map<String, String> given) {
        Map<String, String> access = of(given);
        boolean inCluster = flag(IN_CLUSTER, access.get(IN_CLUSTER));
        boolean kubeconfig = access.containsKey(KUBECONFIG) || access.containsKey(CONTEXT);
        boolean token = access.containsKey(API_URL);
        List<String> ways = new ArrayList<>();
        if (kubeconfig) {
            ways.add("a kubeconfig");
        }
        if (inCluster) {
            ways.add("in-cluster");
        }
        if (token) {
            ways.add("an API URL");
        }
        if (ways.size() > 1) {
            throw new IllegalArgumentException(
                    "choose one way to reach the cluster, not " + String.join(" and ", ways) + ": " + CHOICES);
        }
        if (!token) {
            for (String name : List.of(TOKEN_ENV, TOKEN_FILE, CA_FILE)) {
                if (access.containsKey(name)) {
                    throw new IllegalArgumentException(
                            "kubernetes setting " + name + " goes with apiUrl (--api-url), which is not given");
                }
            }
        }
        Map<String, String> stored = new LinkedHashMap<>();
        if (flag(ALLOW_INSECURE_HTTP, access.get(ALLOW_INSECURE_HTTP))) {
            stored.put(ALLOW_INSECURE_HTTP, "true");
        }
        if (inCluster) {
            stored.put(IN_CLUSTER, "true");
        } else if (token) {
            stored.put(API_URL, apiUrl(access.get(API_URL)).toString());
            boolean fromVariable = access.containsKey(TOKEN_ENV);
            if (fromVariable == access.containsKey(TOKEN_FILE)) {
                throw new IllegalArgumentException("--api-url needs exactly one of --token-env NAME (an environment"
                        + " variable holding the bearer token) or --token-file FILE; the token itself is never"
                        + " taken from the command line");
            }
            if (fromVariable) {
                stored.put(TOKEN_ENV, variable(access.get(TOKEN_ENV)));
            } else {
                stored.put(TOKEN_FILE, path(access.get(TOKEN_FILE)).toString());
            }
            if (access.containsKey(CA_FILE)) {
                stored.put(CA_FILE, path(access.get(CA_FILE)).toString());
            }
        } else {
            Path file = access.containsKey(KUBECONFIG)
                    ? path(access.get(KUBECONFIG))
                    : Connection.Kubeconfig.standard(environment, home, "").file();
            stored.put(KUBECONFIG, file.toString());
            stored.put(CONTEXT, context(file, access.getOrDefault(CONTEXT, "").trim()));
        }
        connect(stored);
        return stored;
    }

    /**
     * The connection {@code stored} settings name, with the token read from its variable or file now.
     *
     * @throws IllegalArgumentException when the kubeconfig, its context, the token or the in-cluster
     *     address cannot be found, saying where genesis looked
     */
    Connection connect(Map<String, String> stored) {
        if (flag(IN_CLUSTER, stored.get(IN_CLUSTER))) {
            return Connection.InCluster.fromEnvironment(environment, Connection.InCluster.ACCOUNT_DIRECTORY);
        }
        if (stored.containsKey(API_URL)) {
            String ca = stored.containsKey(CA_FILE) ? read(Path.of(stored.get(CA_FILE)), "CA certificate file") : "";
            return new Connection.Token(apiUrl(stored.get(API_URL)), token(stored), ca);
        }
        Path file = Path.of(stored.getOrDefault(KUBECONFIG, ""));
        return new Connection.Kubeconfig(file, context(file, stored.getOrDefault(CONTEXT, "")));
    }

    /** One line for logs: where the cluster is reached from, without secrets. */
    static String describe(Map<String, String> stored) {
        if (flag(IN_CLUSTER, stored.get(IN_CLUSTER))) {
            return "the in-cluster service account";
        }
        if (stored.containsKey(API_URL)) {
            return "API " + Redaction.url(stored.get(API_URL)) + " with the token from "
                    + (stored.containsKey(TOKEN_ENV)
                            ? "environment variable " + stored.get(TOKEN_ENV)
                            : "file " + stored.get(TOKEN_FILE));
        }
        return "kubeconfig " + stored.get(KUBECONFIG) + " context '" + stored.get(CONTEXT) + "'";
    }

    private String token(Map<String, String> stored) {
        if (stored.containsKey(TOKEN_ENV)) {
            String name = stored.get(TOKEN_ENV);
            String value = environment.getOrDefault(name, "");
            if (value.isBlank()) {
                throw new IllegalArgumentException("environment variable " + name + " is not set or empty; it must"
                        + " hold the bearer token for " + Redaction.url(stored.get(API_URL))
                        + " in every genesis process that"
                        + " deploys or rolls back there (the token itself is never stored)");
            }
            return value.trim();
        }
        return read(Path.of(stored.getOrDefault(TOKEN_FILE, "")), "token file").trim();
    }

    /** The context to use: {@code wanted}, or the file's current one; either must be in the file. */
    private static String context(Path file, String wanted) {
        if (!Files.isRegularFile(file)) {
            // A directory or a device (/dev/null) exists: saying it does not would send the user looking for a typo.
            throw new IllegalArgumentException("kubeconfig file " + file
                    + (Files.exists(file) ? " is not a regular file" : " does not exist")
                    + "; fix: pass --kubeconfig FILE (or kubeconfig: in the environment's target in genesis.yaml), or"
                    + " reach the cluster with --in-cluster or --api-url");
        }
        JsonNode config;
        try {
            config = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            // The parser's message quotes the line, which in a kubeconfig may be a token: neither it nor the
            // exception goes on, only where and what kind of problem.
            throw new IllegalArgumentException("kubeconfig file " + ParseProblem.where(file.toString(), e)
                    + " cannot be read as a kubeconfig (" + ParseProblem.problem(e)
                    + "); fix: point --kubeconfig at the file kubectl uses");
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "kubeconfig file " + file + " cannot be read as a kubeconfig ("
                            + e.getClass().getSimpleName() + "); fix: point --kubeconfig at the file kubectl uses",
                    e);
        }
        Set<String> contexts = new TreeSet<>();
        if (config != null) {
            config.path("contexts").forEach(context -> {
                if (context.hasNonNull("name")) {
                    contexts.add(context.get("name").asText());
                }
            });
        }
        String chosen = wanted.isEmpty() && config != null
                ? config.path("current-context").asText("").trim()
                : wanted;
        String known = contexts.isEmpty() ? "none" : String.join(", ", contexts);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("kubeconfig " + file + " names no current context; fix: pass --context"
                    + " NAME (its contexts: " + known + ")");
        }
        // fabric8 quietly falls back to the current context when the named one is missing: that would
        // deploy to another cluster than the one asked for, so an unknown name stops here.
        if (!contexts.contains(chosen)) {
            throw new IllegalArgumentException("kubeconfig " + file + " has no context '" + chosen + "'; its contexts: "
                    + known + "; fix: pass one of them with --context (kubectl config get-contexts lists them)");
        }
        return chosen;
    }

    /** {@code text} as an absolute path: {@code ~} is the home folder, relative paths the working directory's. */
    Path path(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(
                    "a kubernetes file setting is empty; give a path such as ~/.kube/config");
        }
        Path path;
        if (trimmed.equals("~")) {
            path = home;
        } else if (trimmed.startsWith("~/")) {
            path = home.resolve(trimmed.substring(2));
        } else {
            path = workingDirectory.resolve(trimmed);
        }
        return path.normalize();
    }

    /** Whether a credential may go over plain http to a loopback API server, as {@code stored} says. */
    static boolean insecureHttpAllowed(Map<String, String> stored) {
        return flag(ALLOW_INSECURE_HTTP, stored.get(ALLOW_INSECURE_HTTP));
    }

    private static URI apiUrl(String text) {
        if (Redaction.carriesSecret(text)) {
            throw new IllegalArgumentException("--api-url must not carry credentials (user:password@ or a token"
                    + " parameter), got " + Redaction.url(text) + "; give the address alone, and the token with"
                    + " --token-env NAME or --token-file FILE");
        }
        try {
            URI uri = new URI(text == null ? "" : text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // explained below
        }
        throw new IllegalArgumentException(
                "--api-url must be the API server's URL, such as https://api.example:6443, got '" + Redaction.url(text)
                        + "'");
    }

    private static String variable(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (!VARIABLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("--token-env takes the NAME of an environment variable holding the"
                    + " token, such as GENESIS_KUBE_TOKEN; got something that is not a variable name (not shown, in"
                    + " case it is the token itself)");
        }
        return trimmed;
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the " + what + " " + file + " (" + e.getClass().getSimpleName()
                            + "); fix: give a readable file",
                    e);
        }
    }

    private static boolean flag(String name, String value) {
        if (value == null) {
            return false;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(
                "kubernetes setting " + name + " must be true or false, got '" + value + "'");
    }
}
