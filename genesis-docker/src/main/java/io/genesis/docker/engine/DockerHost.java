package io.genesis.docker.engine;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Docker engine listens, read as the {@code docker} command reads {@code DOCKER_HOST}: a unix
 * socket ({@code unix:///var/run/docker.sock}, the default) or a TCP address ({@code tcp://host:2376}).
 *
 * @param uri the engine's address
 */
public record DockerHost(URI uri) {

    /** The socket a Debian {@code docker.io} engine listens on. */
    public static final String DEFAULT = "unix:///var/run/docker.sock";

    public DockerHost {
        Objects.requireNonNull(uri, "uri");
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
        } else {
            throw new IllegalArgumentException("Docker host '" + uri + "' is not supported: use unix:///path/to/"
                    + "docker.sock or tcp://host:port (ssh:// needs the docker command, which Genesis does not use)");
        }
    }

    /** The host {@code text} names, such as {@code unix:///tmp/docker.sock}. */
    public static DockerHost parse(String text) {
        if (text == null || text.isBlank()) {
            return parse(DEFAULT);
        }
        try {
            return new DockerHost(URI.create(text.trim()));
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

    /** The host {@code DOCKER_HOST} names in {@code environment}, else the default socket. */
    public static DockerHost fromEnvironment(Map<String, String> environment) {
        return parse(environment.get("DOCKER_HOST"));
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
}
