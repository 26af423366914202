package io.genesis.docker.proxy;

import java.util.regex.Pattern;

/**
 * One backend server of the proxy: a container's name, its port on 127.0.0.1, and its weight
 * (0–256, relative to the other servers; 0 takes no new requests).
 *
 * @param name the server's name, the container's name
 * @param port the container's port on 127.0.0.1
 * @param weight its share of new requests, relative to the others
 */
public record ProxyServer(String name, int port, int weight) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    /** HAProxy's largest server weight. */
    public static final int MAX_WEIGHT = 256;

    public ProxyServer {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("proxy server name '" + name + "' must be letters, digits, '_', '.'"
                    + " or '-', starting with a letter or digit");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy server " + name + ": port " + port + " is not 1-65535");
        }
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException(
                    "proxy server " + name + ": weight " + weight + " is not 0-" + MAX_WEIGHT);
        }
    }

    public ProxyServer withWeight(int newWeight) {
        return new ProxyServer(name, port, newWeight);
    }
}
