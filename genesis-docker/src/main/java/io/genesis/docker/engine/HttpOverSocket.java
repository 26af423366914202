package io.genesis.docker.engine;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One HTTP/1.1 exchange per connection with the Docker engine, over its unix socket, plain TCP, TLS, or
 * the pipe of {@code ssh … docker system dial-stdio} ({@link EngineConnection}). The Engine API needs
 * nothing more: small JSON requests, answers with a length or chunked, and {@code Connection: close} keeps
 * the reading simple. A watchdog closes a connection whose exchange takes too long, since neither a unix
 * channel nor a process pipe has a read timeout of its own.
 */
final class HttpOverSocket {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "genesis-docker-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final EngineConnection.Opener opener;

    HttpOverSocket(DockerHost host, List<String> ssh) {
        this.opener = EngineConnection.opener(host, ssh);
    }

    /** A request: method, path with its query, extra headers (never logged), and a body if any. */
    record Request(String method, String path, Map<String, String> headers, String contentType, byte[] body) {

        Request {
            headers = Map.copyOf(headers);
        }

        static Request of(String method, String path) {
            return new Request(method, path, Map.of(), null, null);
        }
    }

    /** An answer: its status and body. */
    record Answer(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer exchange(String method, String path, String contentType, byte[] body, Duration timeout) throws IOException {
        return exchange(new Request(method, path, Map.of(), contentType, body), timeout, null);
    }

    /**
     * Sends {@code request}; with {@code lines}, a successful answer's body is handed over line by line as it
     * arrives (progress streams such as a pull's) and the answer's body is empty.
     */
    Answer exchange(Request request, Duration timeout, Consumer<String> lines) throws IOException {
        try (EngineConnection connection = opener.open(timeout)) {
            ScheduledFuture<?> watchdog =
                    WATCHDOG.schedule(connection::abort, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return exchange(connection.out(), connection.in(), request, lines);
            } catch (IOException e) {
                throw connection.explain(e);
            } finally {
                watchdog.cancel(false);
            }
        }
    }

    private static Answer exchange(OutputStream out, InputStream rawIn, Request request, Consumer<String> lines)
            throws IOException {
        StringBuilder head = new StringBuilder()
                .append(request.method())
                .append(' ')
                .append(request.path())
                .append(" HTTP/1.1\r\nHost: docker\r\nUser-Agent: genesis\r\nConnection: close\r\n");
        request.headers()
                .forEach((name, value) ->
                        head.append(name).append(": ").append(value).append("\r\n"));
        if (request.body() != null) {
            head.append("Content-Type: ").append(request.contentType()).append("\r\n");
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (request.body() != null) {
            out.write(request.body());
        }
        out.flush();
        InputStream in = new BufferedInputStream(rawIn);
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("the Docker engine answered '" + statusLine + "', not HTTP");
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding")
                    && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        if (status == 204 || status == 304) {
            return new Answer(status, new byte[0]);
        }
        InputStream body = chunked ? new ChunkedBody(in) : length >= 0 ? bounded(in, length) : in;
        if (lines != null && status >= 200 && status < 300) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.accept(line);
            }
            return new Answer(status, new byte[0]);
        }
        byte[] answer = body.readNBytes(MAX_BODY);
        return new Answer(status, answer);
    }

    private static InputStream bounded(InputStream in, long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                left--;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int read = in.read(buffer, offset, (int) Math.min(count, left));
                if (read > 0) {
                    left -= read;
                }
                return read;
            }
        };
    }

    /** A chunked body as a plain stream, up to {@link #MAX_BODY} bytes. */
    private static final class ChunkedBody extends InputStream {
        private final InputStream in;
        private int left;
        private long total;
        private boolean done;

        ChunkedBody(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                int semicolon = size.indexOf(';');
                left = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
                total += left;
                if (total > MAX_BODY) {
                    throw new IOException("the Docker engine's answer is larger than " + MAX_BODY + " bytes");
                }
            }
            int read = in.read(buffer, offset, Math.min(count, left));
            if (read < 0) {
                throw new IOException("the Docker engine closed the connection in the middle of its answer");
            }
            left -= read;
            if (left == 0) {
                line(in);
            }
            return read;
        }
    }

    static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                if (line.length() == 0) {
                    throw new IOException("the Docker engine closed the connection before answering");
                }
                break;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** Reads what is left of {@code in} into memory, for small answers such as a process's error output. */
    static byte[] drain(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            if (bytes.size() < limit) {
                bytes.write(buffer, 0, Math.min(read, limit - bytes.size()));
            }
        }
        return bytes.toByteArray();
    }
}
