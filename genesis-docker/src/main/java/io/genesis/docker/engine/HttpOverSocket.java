package io.genesis.docker.engine;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 exchange per connection with the Docker engine, over its unix socket (the JDK's
 * {@link UnixDomainSocketAddress}) or plain TCP. The Engine API needs nothing more: small JSON requests,
 * answers with a length or chunked, and {@code Connection: close} keeps the reading simple. A unix
 * channel has no read timeout of its own, so a watchdog closes it when the exchange takes too long.
 */
final class HttpOverSocket {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "genesis-docker-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final DockerHost host;
    private final SSLContext tls;

    HttpOverSocket(DockerHost host) {
        this.host = host;
        this.tls = host.tls().map(TlsFiles::context).orElse(null);
    }

    /** An answer: its status and body. */
    record Answer(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer exchange(String method, String path, String contentType, byte[] body, Duration timeout) throws IOException {
        if (host.unixSocket()) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ScheduledFuture<?> watchdog =
                        WATCHDOG.schedule(() -> closeQuietly(channel), timeout.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    channel.connect(UnixDomainSocketAddress.of(host.socket()));
                    return exchange(
                            Channels.newOutputStream(channel),
                            Channels.newInputStream(channel),
                            method,
                            path,
                            contentType,
                            body);
                } finally {
                    watchdog.cancel(false);
                }
            }
        }
        try (Socket plain = new Socket()) {
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            String name = host.uri().getHost();
            int port = host.uri().getPort();
            plain.connect(new InetSocketAddress(name, port), millis);
            plain.setSoTimeout(millis);
            if (tls == null) {
                return exchange(plain.getOutputStream(), plain.getInputStream(), method, path, contentType, body);
            }
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, name, port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                // The engine's certificate must name the host it is reached by, as the docker command checks.
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                return exchange(socket.getOutputStream(), socket.getInputStream(), method, path, contentType, body);
            }
        }
    }

    private static Answer exchange(
            OutputStream out, InputStream rawIn, String method, String path, String contentType, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: docker\r\nUser-Agent: genesis\r\nConnection: close\r\n");
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
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
        byte[] answer;
        if (status == 204 || status == 304) {
            answer = new byte[0];
        } else if (chunked) {
            answer = chunked(in);
        } else if (length >= 0) {
            answer = in.readNBytes((int) Math.min(length, MAX_BODY));
        } else {
            answer = in.readNBytes(MAX_BODY);
        }
        return new Answer(status, answer);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            if (body.size() + length > MAX_BODY) {
                throw new IOException("the Docker engine's answer is larger than " + MAX_BODY + " bytes");
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
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

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing is how the watchdog ends a stuck exchange; a failure here leaves nothing to do.
        }
    }
}
