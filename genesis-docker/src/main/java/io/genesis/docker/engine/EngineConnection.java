package io.genesis.docker.engine;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One open connection to the engine, for one exchange: its two streams, closed together. {@link #abort()}
 * ends it from another thread (the watchdog of a slow exchange).
 */
abstract class EngineConnection implements AutoCloseable {

    abstract InputStream in() throws IOException;

    abstract OutputStream out() throws IOException;

    /** Ends the connection at once; any read or write in progress fails. */
    abstract void abort();

    @Override
    public void close() throws IOException {
        abort();
    }

    /** {@code failure} with whatever the transport knows about why (ssh's own words); by default as it is. */
    IOException explain(IOException failure) {
        return failure;
    }

    /** Opens connections to one host. */
    interface Opener {
        EngineConnection open(Duration timeout) throws IOException;
    }

    /** How {@code host} is reached; {@code ssh} is the ssh command for {@code ssh://} hosts. */
    static Opener opener(DockerHost host, List<String> ssh) {
        if (host.unixSocket()) {
            return timeout -> unix(host);
        }
        if (host.ssh()) {
            return timeout -> SshPipe.open(host, ssh, timeout);
        }
        SSLContext tls = host.tls().map(TlsFiles::context).orElse(null);
        return timeout -> tcp(host, tls, timeout);
    }

    private static EngineConnection unix(DockerHost host) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(host.socket()));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new EngineConnection() {
            @Override
            InputStream in() {
                return Channels.newInputStream(channel);
            }

            @Override
            OutputStream out() {
                return Channels.newOutputStream(channel);
            }

            @Override
            void abort() {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Closing is how an exchange ends; a failure here leaves nothing to do.
                }
            }
        };
    }

    private static EngineConnection tcp(DockerHost host, SSLContext tls, Duration timeout) throws IOException {
        Socket plain = new Socket();
        try {
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            String name = host.uri().getHost();
            int port = host.uri().getPort();
            plain.connect(new InetSocketAddress(name, port), millis);
            plain.setSoTimeout(millis);
            Socket socket = plain;
            if (tls != null) {
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, name, port, true);
                SSLParameters parameters = secure.getSSLParameters();
                // The engine's certificate must name the host it is reached by, as the docker command checks.
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.startHandshake();
                socket = secure;
            }
            Socket open = socket;
            return new EngineConnection() {
                @Override
                InputStream in() throws IOException {
                    return open.getInputStream();
                }

                @Override
                OutputStream out() throws IOException {
                    return open.getOutputStream();
                }

                @Override
                void abort() {
                    try {
                        open.close();
                    } catch (IOException e) {
                        // As for the unix channel.
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * The docker command's way to an {@code ssh://} host: {@code ssh … host docker system dial-stdio}, whose
     * standard input and output are the engine's socket on the remote machine. Batch mode: ssh never asks
     * for a password; keys, known hosts and connection sharing come from the user's ssh configuration.
     */
    private static final class SshPipe extends EngineConnection {
        private static final int MAX_ERROR = 2048;

        private final Process process;
        private final String command;
        private final Thread errors;
        private volatile String said = "";

        private SshPipe(Process process, String command) {
            this.process = process;
            this.command = command;
            this.errors = new Thread(this::readErrors, "genesis-docker-ssh-stderr");
            this.errors.setDaemon(true);
            this.errors.start();
        }

        static SshPipe open(DockerHost host, List<String> ssh, Duration timeout) throws IOException {
            List<String> command = new ArrayList<>(ssh);
            command.addAll(
                    List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=" + Math.max(1, timeout.toSeconds()), "-T"));
            String user = host.uri().getUserInfo();
            if (user != null && !user.isEmpty()) {
                command.addAll(List.of("-l", user));
            }
            if (host.uri().getPort() > 0) {
                command.addAll(List.of("-p", Integer.toString(host.uri().getPort())));
            }
            command.addAll(List.of("--", host.uri().getHost(), "docker", "system", "dial-stdio"));
            try {
                return new SshPipe(new ProcessBuilder(command).start(), String.join(" ", command));
            } catch (IOException e) {
                throw new IOException(
                        "cannot run '" + ssh.get(0) + "' to reach " + host + " (" + e.getMessage()
                                + "); install the OpenSSH client (Debian: openssh-client)",
                        e);
            }
        }

        private void readErrors() {
            try (InputStream in = process.getErrorStream()) {
                said = new String(HttpOverSocket.drain(in, MAX_ERROR), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                // The process ended; what it said so far is kept.
            }
        }

        @Override
        InputStream in() {
            return process.getInputStream();
        }

        @Override
        OutputStream out() {
            return process.getOutputStream();
        }

        @Override
        void abort() {
            process.destroy();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        IOException explain(IOException failure) {
            try {
                process.waitFor(2, TimeUnit.SECONDS);
                errors.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String exit = process.isAlive() ? "still running" : "exit " + process.exitValue();
            return new IOException(
                    failure.getMessage() + "; '" + command + "' " + exit
                            + (said.isEmpty() ? "" : ", ssh said: " + said.replace('\n', ' ')),
                    failure);
        }
    }
}
