package io.genesis.core.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver on 127.0.0.1 for notification tests: it records every request it gets (path,
 * headers, body), answers with scripted status codes (202 once the script is used up), keeps the
 * idempotency keys it accepted the way a well-behaved receiver does, and can be stopped and started
 * again on the same port to play a receiver that is down.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private int port;
    private HttpServer server;

    private Receiver(int port) {
        this.port = port;
    }

    /** A receiver listening on a free loopback port. */
    public static Receiver start() {
        Receiver receiver = new Receiver(0);
        receiver.up();
        return receiver;
    }

    /** Starts listening again on the same port (after {@link #down}). */
    public synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Received request = new Received(
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8));
            received.add(request);
            int status = next();
            if (status >= 200 && status < 300 && request.header(ChannelType.IDEMPOTENCY_HEADER) != null) {
                accepted.add(request.header(ChannelType.IDEMPOTENCY_HEADER));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Stops listening: connections are refused until {@link #up}. */
    public synchronized void down() {
        server.stop(0);
    }

    /** Answers the next requests with {@code statuses}, in order. */
    public synchronized void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    private synchronized int next() {
        Integer status = answers.poll();
        return status == null ? 202 : status;
    }

    public synchronized int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The idempotency keys of the requests it accepted, each once however often it got them. */
    public Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
