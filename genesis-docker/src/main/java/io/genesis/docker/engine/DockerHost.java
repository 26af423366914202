package io.genesis.docker.engine;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Docker engine listens, read as the {@code docker} command reads {@code DOCKER_HOST}: a unix
 * socket ({@code unix:///var/run/docker.sock}, the default), a TCP address ({@code tcp://host:2376}), or an
 * SSH login ({@code ssh://deploy@host}) whose remote {@code docker system dial-stdio} reaches the engine.
 *
 * @param uri the engine's address
 * @param tls for {@code tcp} hosts reached with TLS: the folder holding {@code ca.pem}, {@code cert.pem} and
 *     {@code key.pem}, as {@code DOCKER_CERT_PATH} names it for the docker command
 */
public record DockerHost(URI uri, Optional<Path> tls) {

    /** The socket a Debian {@code docker.io} engine listens on. */
    public static final String DEFAULT = "unix:///var/run/docker.sock";

    public DockerHost {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(tls, "tls");
        if (tls.isPresent() && !"tcp".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Docker host '" + uri + "': TLS files apply to tcp:// hosts only");
        }
        String scheme = uri.getScheme();
        if ("unix".equals(scheme)) {
            if (uri.getPath() == null || uri.getPath().isBlank()) {
                throw new IllegalArgumentException(
                        "Docker host '" + uri + "' names no socket: write it as unix:///var/run/docker.sock");
            }
        } else if ("tcp".equals(scheme)) {
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException(
                        "Docker host '" + uri + "' needs a host and a port, such as tcp://127.0.0.1:2375");
            }
        } else if ("ssh".equals(scheme)) {
            if (uri.getHost() == null
                    || (uri.getPath() != null && !uri.getPath().isEmpty())
                    || uri.getQuery() != null) {
                throw new IllegalArgumentException("Docker host '" + uri + "' must be ssh://[user@]host[:port] with"
                        + " nothing after the host, such as ssh://deploy@10.0.0.5");
            }
        } else {
            throw new IllegalArgumentException("Docker host '" + uri + "' is not supported: use unix:///path/to/"
                    + "docker.sock, tcp://host:port or ssh://[user@]host[:port]");
        }
    }

    /** The host {@code text} names, such as {@code unix:///tmp/docker.sock}. */
    public static DockerHost parse(String text) {
        if (text == null || text.isBlank()) {
            return parse(DEFAULT);
        }
        try {
            return new DockerHost(URI.create(text.trim()), Optional.empty());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Docker host")) {
                throw e;
            }
            throw new IllegalArgumentException(
                    "Docker host '" + text
                            + "' is not an address: write unix:///var/run/docker.sock or tcp://host:port",
                    e);
        }
    }

    /**
     * The host {@code DOCKER_HOST} names in {@code environment}, else the default socket; with TLS when
     * {@code DOCKER_TLS_VERIFY} is set, from {@code DOCKER_CERT_PATH} (default {@code ~/.docker}), as the
     * docker command does.
     */
    public static DockerHost fromEnvironment(Map<String, String> environment, Path home) {
        DockerHost host = parse(environment.get("DOCKER_HOST"));
        String verify = environment.getOrDefault("DOCKER_TLS_VERIFY", "");
        if (verify.isEmpty() || verify.equals("0") || host.unixSocket()) {
            return host;
        }
        String certs = environment.getOrDefault(
                "DOCKER_CERT_PATH", home.resolve(".docker").toString());
        return host.withTls(Path.of(certs));
    }

    /** This host reached with TLS, using the files in {@code folder}. */
    public DockerHost withTls(Path folder) {
        return new DockerHost(uri, Optional.of(folder.toAbsolutePath()));
    }

    /** Whether the engine is reached through {@code ssh} and the remote {@code docker system dial-stdio}. */
    public boolean ssh() {
        return "ssh".equals(uri.getScheme());
    }

    /** Whether the engine is reached through a unix socket. */
    public boolean unixSocket() {
        return "unix".equals(uri.getScheme());
    }

    /** The unix socket's path; only for {@link #unixSocket()} hosts. */
    public Path socket() {
        return Path.of(uri.getPath());
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    /** This host with how it is reached, such as {@code tcp://10.0.0.5:2376 with TLS from /etc/docker/certs}. */
    public String describe() {
        return uri + tls.map(folder -> " with TLS from " + folder).orElse("");
    }
}
