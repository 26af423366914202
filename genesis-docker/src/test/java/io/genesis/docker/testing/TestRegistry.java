package io.genesis.docker.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real image registry on 127.0.0.1 for the pull tests: Debian's {@code docker-registry} (the CNCF
 * distribution registry), its storage in a fresh directory, with htpasswd authentication for one test
 * user. The engine treats registries on 127.0.0.0/8 as insecure (plain HTTP) by default, so no TLS is
 * needed. Without the package the tests are skipped, except in CI ({@code CI=true}), where they fail:
 * ./build installs it.
 */
public final class TestRegistry implements AutoCloseable {

    public static final String USER = "genesis";
    /** The test user's password; its bcrypt hash (cost 4) is what the registry's htpasswd file holds. */
    public static final String PASSWORD = "genesis-test-only";

    private static final String HASH = "$2b$04$UuOss3aVvQr7rQ9fZlho5e5BMcm0BM8aSRAVmf2BMy3hVLbyJEFFC";

    private final Path directory;
    private final int port;
    private final Process process;

    private TestRegistry(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /** Starts a registry in a directory under {@code parent} and waits until it answers. */
    public static TestRegistry start(Path parent) {
        String binary = find();
        try {
            Path directory = Files.createTempDirectory(parent, "registry-");
            Files.writeString(directory.resolve("htpasswd"), USER + ":" + HASH + "\n");
            int port = DockerFixture.freePort();
            Files.writeString(
                    directory.resolve("config.yml"),
                    String.join(
                            "\n",
                            "version: 0.1",
                            "log:",
                            "  level: warn",
                            "storage:",
                            "  filesystem:",
                            "    rootdirectory: " + directory.resolve("storage"),
                            "http:",
                            "  addr: 127.0.0.1:" + port,
                            "  secret: genesis-test-registry",
                            "auth:",
                            "  htpasswd:",
                            "    realm: genesis-test",
                            "    path: " + directory.resolve("htpasswd"),
                            ""));
            Process process = new ProcessBuilder(
                            binary, "serve", directory.resolve("config.yml").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("registry.log").toFile())
                    .start();
            TestRegistry registry = new TestRegistry(directory, port, process);
            registry.awaitAnswer();
            return registry;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start docker-registry: " + e.getMessage(), e);
        }
    }

    /** The registry's address as image references name it, such as {@code 127.0.0.1:41234}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    private void awaitAnswer() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                int status = http.send(
                                HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/"))
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 401) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "docker-registry did not start; see " + directory.resolve("registry.log"));
            }
            DockerFixture.pause(50);
        }
    }

    @Override
    public void close() {
        DockerFixture.stop(process);
    }

    private static String find() {
        for (String candidate : List.of("/usr/bin/docker-registry", "/usr/local/bin/docker-registry")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        String message = "the pull tests need docker-registry (Debian package docker-registry); ./build installs it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " — CI must run them, so this fails rather than skips");
        }
        assumeTrue(false, message);
        return null;
    }
}
