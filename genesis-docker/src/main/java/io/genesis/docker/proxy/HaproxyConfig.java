package io.genesis.docker.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HAProxy configuration Genesis writes for one application in one environment: one frontend on
 * 127.0.0.1:{@code port}, one backend ({@code app}) with a server per container, and an admin socket for
 * the runtime API. The file is also what a restarted proxy starts from, so Genesis rewrites it after every
 * change it makes at run time; the server lines are the only part it reads back.
 *
 * @param port the frontend's port on 127.0.0.1, where users' requests arrive
 * @param servers the backend's servers, by name
 */
public record HaproxyConfig(int port, Map<String, ProxyServer> servers) {

    /** The backend's name in the runtime API's commands ({@code set server app/<name> weight 50}). */
    public static final String BACKEND = "app";

    private static final Pattern PORT = Pattern.compile("^\\s*bind 127\\.0\\.0\\.1:(\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern SERVER =
            Pattern.compile("^\\s*server (\\S+) 127\\.0\\.0\\.1:(\\d+) weight (\\d+)\\s*$", Pattern.MULTILINE);

    public HaproxyConfig {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port " + port + " is not 1-65535");
        }
        servers = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(servers, "servers")));
    }

    public static HaproxyConfig empty(int port) {
        return new HaproxyConfig(port, Map.of());
    }

    public HaproxyConfig with(ProxyServer server) {
        Map<String, ProxyServer> copy = new LinkedHashMap<>(servers);
        copy.put(server.name(), server);
        return new HaproxyConfig(port, copy);
    }

    public HaproxyConfig without(String name) {
        Map<String, ProxyServer> copy = new LinkedHashMap<>(servers);
        copy.remove(name);
        return new HaproxyConfig(port, copy);
    }

    /** The file's text; {@code socket} and {@code pidFile} are the runtime API's socket and the pid file. */
    public String render(String socket, String pidFile) {
        StringBuilder text = new StringBuilder()
                .append("# Written by Genesis (docs/docker.md). Genesis changes weights at run time through the\n")
                .append("# admin socket and rewrites this file after each change, so a restarted proxy starts\n")
                .append("# from the weights in force. Edits by hand are overwritten.\n")
                .append("global\n")
                .append("    stats socket ")
                .append(socket)
                .append(" mode 600 level admin\n")
                .append("    pidfile ")
                .append(pidFile)
                .append('\n')
                .append("defaults\n")
                .append("    mode http\n")
                .append("    option http-server-close\n")
                .append("    timeout connect 2s\n")
                .append("    timeout client 60s\n")
                .append("    timeout server 60s\n")
                .append("frontend users\n")
                .append("    bind 127.0.0.1:")
                .append(port)
                .append('\n')
                .append("    default_backend ")
                .append(BACKEND)
                .append('\n')
                .append("backend ")
                .append(BACKEND)
                .append('\n')
                .append("    balance roundrobin\n");
        List<ProxyServer> sorted = new ArrayList<>(servers.values());
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        for (ProxyServer server : sorted) {
            text.append("    server ")
                    .append(server.name())
                    .append(" 127.0.0.1:")
                    .append(server.port())
                    .append(" weight ")
                    .append(server.weight())
                    .append('\n');
        }
        return text.toString();
    }

    /** Reads a file this class wrote. */
    public static HaproxyConfig parse(String text, String where) {
        Matcher port = PORT.matcher(text);
        if (!port.find()) {
            throw new IllegalArgumentException(where + " has no 'bind 127.0.0.1:<port>' line: it was not written by"
                    + " Genesis; remove it and deploy again with the proxyPort setting");
        }
        Map<String, ProxyServer> servers = new LinkedHashMap<>();
        Matcher server = SERVER.matcher(text);
        while (server.find()) {
            servers.put(
                    server.group(1),
                    new ProxyServer(
                            server.group(1), Integer.parseInt(server.group(2)), Integer.parseInt(server.group(3))));
        }
        return new HaproxyConfig(Integer.parseInt(port.group(1)), servers);
    }
}
