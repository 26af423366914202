package io.genesis.docker.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genesis.docker.engine.DockerHost;
import io.genesis.docker.engine.EngineClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Docker engine for the tests, started once per test JVM and shared by every test class:
 * Debian's {@code dockerd} with its own data root, exec root and socket under {@code /tmp}, no bridge
 * network and no iptables changes (containers use the host network), no registry. Stopped by a shutdown
 * hook. Without {@code dockerd} or {@code haproxy} (or without root) the tests are skipped with a message
 * — except in CI ({@code CI=true}), where a missing engine fails them: .ci/run installs both.
 */
public final class TestEngine {

    private static TestEngine shared;

    private final Path directory;
    private final DockerHost host;
    private final EngineClient client;
    private Process dockerd;
    /** A second listener on 127.0.0.1 with TLS and client certificates, when openssl could make them. */
    private DockerHost tlsHost;

    private TestEngine(Path directory) {
        this.directory = directory;
        this.host = DockerHost.parse("unix://" + directory.resolve("docker.sock"));
        this.client = new EngineClient(host);
    }

    /** The shared engine, started on first use. */
    public static synchronized TestEngine get() {
        if (shared == null) {
            requireTools();
            try {
                shared = new TestEngine(Files.createTempDirectory(Path.of("/tmp"), "genesis-dockerd-"));
                shared.start();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAndDelete, "genesis-dockerd-stop"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start dockerd for the tests: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    public DockerHost host() {
        return host;
    }

    public EngineClient client() {
        return client;
    }

    /** The engine on tcp://127.0.0.1 with TLS (client certificates in the host's TLS folder), if openssl exists. */
    public java.util.Optional<DockerHost> tlsHost() {
        return java.util.Optional.ofNullable(tlsHost);
    }

    /** A directory for a test's proxies: short, since it holds unix sockets. */
    public Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(directory, prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the engine as a host's service manager would (SIGTERM), then starts it again. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Stops the engine; {@link #start()} brings it back. */
    public synchronized void stop() {
        if (dockerd == null) {
            return;
        }
        dockerd.destroy();
        try {
            if (!dockerd.waitFor(30, TimeUnit.SECONDS)) {
                dockerd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dockerd = null;
    }

    /** Stops the engine and deletes its data root, exec root and socket. */
    private void stopAndDelete() {
        stop();
        try (var mounts = Files.list(directory.resolve("exec").resolve("netns"))) {
            // dockerd leaves its network namespace mounted there; a mount cannot be deleted.
            for (Path mount : mounts.toList()) {
                new ProcessBuilder("umount", mount.toString()).start().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            // No namespace left mounted.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover directory under /tmp is harmless, and the next run makes a new one.
        }
    }

    /** Starts the engine and waits until it answers. */
    public synchronized void start() {
        List<String> command = new ArrayList<>(List.of(
                dockerd(),
                "--data-root",
                directory.resolve("data").toString(),
                "--exec-root",
                directory.resolve("exec").toString(),
                "--pidfile",
                directory.resolve("dockerd.pid").toString(),
                "-H",
                host.toString(),
                "--bridge=none",
                "--iptables=false",
                "--ip6tables=false",
                "--log-level=warn"));
        if (tlsHost != null || certificates()) {
            Path certs = directory.resolve("tls");
            command.addAll(List.of(
                    "-H",
                    tlsHost.toString(),
                    "--tlsverify",
                    "--tlscacert",
                    certs.resolve("ca.pem").toString(),
                    "--tlscert",
                    certs.resolve("server-cert.pem").toString(),
                    "--tlskey",
                    certs.resolve("server-key.pem").toString()));
        }
        try {
            dockerd = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("dockerd.log").toFile()))
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    client.version();
                    return;
                } catch (RuntimeException e) {
                    if (!dockerd.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("dockerd did not start (" + e.getMessage() + "); see "
                                + directory.resolve("dockerd.log") + ":\n" + tail(directory.resolve("dockerd.log")));
                    }
                    Thread.sleep(100);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes a CA, a server certificate for 127.0.0.1 and a client certificate with openssl (the client key in
     * the PKCS#1 form older docker tooling writes), as {@code DOCKER_CERT_PATH} would hold them.
     */
    private boolean certificates() {
        if (find("openssl") == null) {
            return false;
        }
        Path certs = directory.resolve("tls");
        try {
            Files.createDirectories(certs);
            Files.writeString(
                    certs.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
            Files.writeString(certs.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
            for (List<String> step : List.of(
                    List.of(
                            "req",
                            "-x509",
                            "-newkey",
                            "rsa:2048",
                            "-nodes",
                            "-days",
                            "2",
                            "-subj",
                            "/CN=genesis-test-ca",
                            "-keyout",
                            "ca-key.pem",
                            "-out",
                            "ca.pem"),
                    List.of(
                            "req",
                            "-newkey",
                            "rsa:2048",
                            "-nodes",
                            "-subj",
                            "/CN=127.0.0.1",
                            "-keyout",
                            "server-key.pem",
                            "-out",
                            "server.csr"),
                    List.of(
                            "x509",
                            "-req",
                            "-in",
                            "server.csr",
                            "-CA",
                            "ca.pem",
                            "-CAkey",
                            "ca-key.pem",
                            "-CAcreateserial",
                            "-days",
                            "2",
                            "-extfile",
                            "server.ext",
                            "-out",
                            "server-cert.pem"),
                    List.of("genrsa", "-traditional", "-out", "key.pem", "2048"),
                    List.of("req", "-new", "-key", "key.pem", "-subj", "/CN=genesis-client", "-out", "client.csr"),
                    List.of(
                            "x509",
                            "-req",
                            "-in",
                            "client.csr",
                            "-CA",
                            "ca.pem",
                            "-CAkey",
                            "ca-key.pem",
                            "-CAcreateserial",
                            "-days",
                            "2",
                            "-extfile",
                            "client.ext",
                            "-out",
                            "cert.pem"))) {
                List<String> command = new ArrayList<>(List.of(find("openssl")));
                command.addAll(step);
                Process process = new ProcessBuilder(command)
                        .directory(certs.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                certs.resolve("openssl.log").toFile()))
                        .start();
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    return false;
                }
            }
            try (java.net.ServerSocket socket =
                    new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                tlsHost = DockerHost.parse("tcp://127.0.0.1:" + socket.getLocalPort())
                        .withTls(certs);
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void requireTools() {
        List<String> missing = new ArrayList<>();
        if (dockerd() == null) {
            missing.add("dockerd (Debian package docker.io)");
        }
        if (find("haproxy") == null) {
            missing.add("haproxy (Debian package haproxy)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            missing.add("root (dockerd runs as root)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "the Docker tests need " + String.join(", ", missing)
                + "; .ci/run installs the packages (apt-get install docker.io haproxy)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " — CI must run them, so this fails rather than skips");
        }
        assumeTrue(false, message);
    }

    private static String dockerd() {
        return find("dockerd");
    }

    private static String find(String command) {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin", "/usr/local/bin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
