package io.genesis.docker.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genesis.docker.engine.DockerHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 for the {@code ssh://} tests: Debian's {@code sshd} with its own host
 * key, one authorised client key, and {@code DOCKER_HOST} set for its sessions to the test engine's socket,
 * so the remote {@code docker system dial-stdio} reaches that engine. The client side is an ssh
 * configuration file ({@code ssh -F}) naming the key and the host's known key, as a user's
 * {@code ~/.ssh/config} would. Without sshd or ssh the tests are skipped, except in CI, where they fail.
 */
public final class TestSshd implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final Process process;

    private TestSshd(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /** Starts sshd in a directory under {@code parent}, forwarding sessions to {@code engine}. */
    public static TestSshd start(Path parent, DockerHost engine) {
        requireTools();
        try {
            Path directory = Files.createTempDirectory(parent, "ssh-");
            run(List.of(
                    "ssh-keygen",
                    "-q",
                    "-t",
                    "ed25519",
                    "-N",
                    "",
                    "-f",
                    directory.resolve("host_key").toString()));
            run(List.of(
                    "ssh-keygen",
                    "-q",
                    "-t",
                    "ed25519",
                    "-N",
                    "",
                    "-f",
                    directory.resolve("client_key").toString()));
            run(List.of(
                    "ssh-keygen",
                    "-q",
                    "-t",
                    "ed25519",
                    "-N",
                    "",
                    "-f",
                    directory.resolve("stranger_key").toString()));
            Files.copy(directory.resolve("client_key.pub"), directory.resolve("authorized_keys"));
            int port = DockerFixture.freePort();
            Files.writeString(
                    directory.resolve("sshd_config"),
                    String.join(
                            "\n",
                            "Port " + port,
                            "ListenAddress 127.0.0.1",
                            "HostKey " + directory.resolve("host_key"),
                            "AuthorizedKeysFile " + directory.resolve("authorized_keys"),
                            "PasswordAuthentication no",
                            "KbdInteractiveAuthentication no",
                            "UsePAM no",
                            "PermitRootLogin prohibit-password",
                            "StrictModes no",
                            "PidFile " + directory.resolve("sshd.pid"),
                            "SetEnv DOCKER_HOST=" + engine,
                            ""));
            String hostKey = Files.readString(directory.resolve("host_key.pub")).trim();
            Files.writeString(directory.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey + "\n");
            for (String key : List.of("client_key", "stranger_key")) {
                Files.writeString(
                        directory.resolve(key + ".config"),
                        String.join(
                                "\n",
                                "Host 127.0.0.1",
                                "  IdentityFile " + directory.resolve(key),
                                "  IdentitiesOnly yes",
                                "  UserKnownHostsFile " + directory.resolve("known_hosts"),
                                "  StrictHostKeyChecking yes",
                                ""));
            }
            Files.createDirectories(Path.of("/run/sshd"));
            Process process = new ProcessBuilder(
                            sshd(),
                            "-D",
                            "-f",
                            directory.resolve("sshd_config").toString(),
                            "-E",
                            directory.resolve("sshd.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("sshd.out").toFile())
                    .start();
            TestSshd sshd = new TestSshd(directory, port, process);
            sshd.awaitListening();
            return sshd;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start sshd: " + e.getMessage(), e);
        }
    }

    /** The engine as {@code ssh://user@127.0.0.1:port} for the user running the tests. */
    public DockerHost host() {
        return DockerHost.parse("ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port);
    }

    /** The ssh command with the authorised key and the server's known key. */
    public List<String> ssh() {
        return List.of("ssh", "-F", directory.resolve("client_key.config").toString());
    }

    /** The ssh command with a key the server does not know. */
    public List<String> sshAsStranger() {
        return List.of("ssh", "-F", directory.resolve("stranger_key.config").toString());
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("sshd did not start; see " + directory.resolve("sshd.log"), e);
                }
                DockerFixture.pause(50);
            }
        }
    }

    @Override
    public void close() {
        DockerFixture.stop(process);
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sshd() {
        return "/usr/sbin/sshd";
    }

    private static void requireTools() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of(sshd()))) {
            missing.add("sshd (Debian package openssh-server)");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/ssh"))) {
            missing.add("ssh (Debian package openssh-client)");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/docker"))) {
            missing.add("the docker command for dial-stdio (Debian package docker.io)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "the ssh:// tests need " + String.join(", ", missing) + "; ./build installs them";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " — CI must run them, so this fails rather than skips");
        }
        assumeTrue(false, message);
    }
}
