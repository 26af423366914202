package io.genesis.docker.target;

import io.genesis.docker.engine.DockerHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of a Docker target, read from a target spec's plain settings (never secrets), checked
 * with messages that name the setting, the bad value and the fix.
 *
 * @param host where the engine listens ({@code host}; default {@code DOCKER_HOST}, else the default socket),
 *     with TLS from {@code tlsCertPath} (default {@code DOCKER_CERT_PATH} when {@code DOCKER_TLS_VERIFY} is set)
 * @param image the candidate's image reference ({@code image}, required), such as {@code shop:1.4.0}
 * @param replicas containers per version ({@code replicas}, 1–16, default 1)
 * @param proxyPort the proxy's port on 127.0.0.1 where users' requests arrive ({@code proxyPort}, required)
 * @param proxyDir where the proxies' directories live ({@code proxyDir}, default {@code ~/.genesis/docker})
 * @param healthPath the HTTP health check's path for images without a HEALTHCHECK ({@code healthPath},
 *     default {@code /health})
 * @param portVariable the environment variable that tells a container its port ({@code portVariable},
 *     default {@code PORT})
 * @param stopGrace how long a stopping container gets before it is killed ({@code stopGraceSeconds},
 *     default 10)
 */
public record DockerSettings(
        DockerHost host,
        String image,
        int replicas,
        int proxyPort,
        Path proxyDir,
        String healthPath,
        String portVariable,
        Duration stopGrace) {

    public static final String HOST = "host";
    public static final String IMAGE = "image";
    public static final String REPLICAS = "replicas";
    public static final String PROXY_PORT = "proxyPort";
    public static final String PROXY_DIR = "proxyDir";
    public static final String HEALTH_PATH = "healthPath";
    public static final String PORT_VARIABLE = "portVariable";
    public static final String STOP_GRACE = "stopGraceSeconds";
    public static final String TLS = "tlsCertPath";

    /** Every setting with its meaning, for messages. */
    public static final Map<String, String> KNOWN = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            HOST,
                    "the engine's address, unix:///var/run/docker.sock, tcp://host:port or ssh://user@host; default"
                            + " DOCKER_HOST",
            IMAGE, "the candidate's image, such as shop:1.4.0 (required)",
            REPLICAS, "containers per version, 1-16, default 1",
            PROXY_PORT, "the proxy's port on 127.0.0.1 that users reach (required)",
            PROXY_DIR, "where Genesis keeps each proxy's configuration and socket, default ~/.genesis/docker",
            HEALTH_PATH, "the HTTP health check's path for images without a HEALTHCHECK, default /health",
            PORT_VARIABLE, "the variable that tells a container its port on 127.0.0.1, default PORT",
            STOP_GRACE, "seconds a stopping container gets before it is killed, default 10",
            TLS,
                    "for a tcp:// host: the folder with ca.pem, cert.pem and key.pem; default DOCKER_CERT_PATH when"
                            + " DOCKER_TLS_VERIFY is set")));

    /**
     * Reads {@code settings}; {@code environment} supplies {@code DOCKER_HOST} and {@code home} the
     * default proxy directory. Unknown settings fail with the known ones.
     */
    public static DockerSettings from(Map<String, String> settings, Map<String, String> environment, Path home) {
        for (String name : settings.keySet()) {
            if (!KNOWN.containsKey(name)) {
                throw new IllegalArgumentException("unknown docker target setting '" + name + "'; known: " + known());
            }
        }
        String image = settings.getOrDefault(IMAGE, "").trim();
        if (image.isEmpty() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("docker target setting " + IMAGE
                    + " is required: name the candidate's image, such as shop:1.4.0 (got '" + image + "')");
        }
        DockerHost host = settings.containsKey(HOST)
                ? DockerHost.parse(settings.get(HOST))
                : DockerHost.fromEnvironment(environment, home);
        if (settings.containsKey(TLS)) {
            host = host.withTls(Path.of(settings.get(TLS)));
        }
        String healthPath = settings.getOrDefault(HEALTH_PATH, "/health");
        if (!healthPath.startsWith("/") || healthPath.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("docker target setting " + HEALTH_PATH
                    + " must be a path starting with '/', such as /health; got '" + healthPath + "'");
        }
        String variable = settings.getOrDefault(PORT_VARIABLE, "PORT");
        if (!variable.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("docker target setting " + PORT_VARIABLE
                    + " must be an environment variable name, such as PORT; got '" + variable + "'");
        }
        if (!settings.containsKey(PROXY_PORT)) {
            throw new IllegalArgumentException("docker target setting " + PROXY_PORT + " is required: the port on"
                    + " 127.0.0.1 where the proxy takes users' requests, such as 8080");
        }
        return new DockerSettings(
                host,
                image,
                number(settings, REPLICAS, "1", 1, 16),
                number(settings, PROXY_PORT, "", 1, 65535),
                Path.of(settings.getOrDefault(
                        PROXY_DIR, home.resolve(".genesis").resolve("docker").toString())),
                healthPath,
                variable,
                Duration.ofSeconds(number(settings, STOP_GRACE, "10", 0, 600)));
    }

    /** These settings as stored with a rollout, so that any later genesis process reaches the same host. */
    public Map<String, String> toMap() {
        Map<String, String> map = new HashMap<>();
        map.put(HOST, host.toString());
        host.tls().ifPresent(folder -> map.put(TLS, folder.toString()));
        map.put(IMAGE, image);
        map.put(REPLICAS, Integer.toString(replicas));
        map.put(PROXY_PORT, Integer.toString(proxyPort));
        map.put(PROXY_DIR, proxyDir.toAbsolutePath().toString());
        map.put(HEALTH_PATH, healthPath);
        map.put(PORT_VARIABLE, portVariable);
        map.put(STOP_GRACE, Long.toString(stopGrace.toSeconds()));
        return map;
    }

    private static int number(Map<String, String> settings, String name, String fallback, int min, int max) {
        String text = settings.getOrDefault(name, fallback).trim();
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw new IllegalArgumentException("docker target setting " + name + " must be a whole number from " + min
                + " to " + max + "; got '" + text + "'");
    }

    private static String known() {
        StringBuilder text = new StringBuilder();
        KNOWN.forEach((name, meaning) -> text.append(text.length() == 0 ? "" : ", ")
                .append(name)
                .append(" (")
                .append(meaning)
                .append(')'));
        return text.toString();
    }
}
