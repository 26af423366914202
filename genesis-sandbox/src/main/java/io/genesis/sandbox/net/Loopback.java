package io.genesis.sandbox.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The sandbox lives on the loopback interface only: everything it binds or calls is checked here,
 * so a mistyped address can never send load to another machine.
 */
public final class Loopback {

    /** The address every sandbox server binds to. */
    public static final String ADDRESS = "127.0.0.1";

    private Loopback() {}

    /**
     * A port that was free on {@value #ADDRESS} a moment ago. Another process may still take it before
     * the caller binds it; callers that can bind port 0 themselves should do that instead.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port on " + ADDRESS, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, the base address of a sandbox server. */
    public static URI httpUri(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
        return URI.create("http://" + ADDRESS + ":" + port);
    }

    /**
     * Returns {@code uri} when it is an {@code http} address on the loopback interface, and throws otherwise.
     *
     * @param field names the setting in the error message
     */
    public static URI requireLoopbackHttp(String field, URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException(field + " is required: give an http://127.0.0.1:<port> address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) || uri.getHost() == null || uri.getPort() == -1) {
            throw new IllegalArgumentException(field + " must look like http://127.0.0.1:<port>, got '" + uri + "'");
        }
        if (!isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(field + " must be on the loopback interface (127.0.0.1, localhost or"
                    + " [::1]) because the sandbox never sends traffic elsewhere, got host '" + uri.getHost() + "'");
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(bare)) {
            return true;
        }
        if (!looksLikeIpLiteral(bare)) {
            // A name other than localhost would need DNS, and DNS could point anywhere.
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean looksLikeIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
