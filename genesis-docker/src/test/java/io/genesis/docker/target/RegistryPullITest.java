package io.genesis.docker.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.Health;
import io.genesis.core.target.TargetException;
import io.genesis.docker.engine.EngineClient;
import io.genesis.docker.engine.ImageInfo;
import io.genesis.docker.engine.RegistryAuth;
import io.genesis.docker.testing.DockerFixture;
import io.genesis.docker.testing.SampleImages;
import io.genesis.docker.testing.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pulling a missing image through the engine from a real registry on 127.0.0.1 that wants credentials,
 * with the credentials of the docker configuration ({@code DOCKER_CONFIG}).
 */
class RegistryPullITest {

    private static TestRegistry registry;
    private static String image;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private DockerFixture fixture;
    private Path config;

    @BeforeAll
    static void startRegistry() {
        DockerFixture probe = new DockerFixture("staging");
        EngineClient engine = probe.client();
        registry = TestRegistry.start(probe.engine.newDirectory("r"));
        image = registry.address() + "/shop:1.0.0";
        String base = SampleImages.base(engine);
        engine.tagImage(base, registry.address() + "/shop", "1.0.0");
        engine.push(image, java.util.Optional.of(header(TestRegistry.PASSWORD)), line -> {});
        probe.close();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void start() throws IOException {
        fixture = new DockerFixture("staging");
        fixture.client().removeImage(image);
        config = fixture.engine.newDirectory("c");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldPullAMissingImageWithTheDockerLoginAndRecordItsDigest() throws IOException {
        login(TestRegistry.PASSWORD);
        assertThat(fixture.client().inspectImage(image)).isEmpty();
        DockerTarget target = target();
        DeploymentContext context = fixture.context("r-pull", "1.0.0");

        target.deployCandidate(context);
        Health health = DockerFixture.awaitSettled(target, context);

        ImageInfo pulled = fixture.client().inspectImage(image).orElseThrow();
        assertThat(pulled.repoDigests()).anyMatch(digest -> digest.startsWith(registry.address() + "/shop@sha256:"));
        assertThat(health.isHealthy()).as(health.message()).isTrue();
        assertThat(health.message()).contains("image " + image + ", " + pulled.digest());
        assertThat(fixture.containers("1.0.0").get(0).label("io.genesis.image-digest"))
                .isEqualTo(pulled.digest());
        assertThat(log)
                .anyMatch(line -> line.contains("image " + image + " is not on")
                        && line.contains("pulling it from " + registry.address()))
                .anyMatch(line -> line.startsWith("docker: pull " + image + ": Digest: sha256:"))
                .noneMatch(line -> line.contains(TestRegistry.PASSWORD));
    }

    @Test
    void shouldNameTheImageAndTheRegistrysAnswerWhenThePullFails() throws IOException {
        login("not-" + TestRegistry.PASSWORD);

        assertThatThrownBy(() -> target().deployCandidate(fixture.context("r-denied", "1.0.0")))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("cannot pull image " + image + " from registry " + registry.address())
                .hasMessageContaining("the Docker engine answered")
                .hasMessageContaining("unauthorized")
                .hasMessageContaining("credentials for " + registry.address() + " from " + config.resolve("config.json")
                        + " were sent")
                .hasMessageNotContaining(TestRegistry.PASSWORD);
        assertThat(fixture.containers("1.0.0")).isEmpty();
    }

    @Test
    void shouldSayWhenNoCredentialsWereThereToSend() {
        assertThatThrownBy(() -> target().deployCandidate(fixture.context("r-anonymous", "1.0.0")))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("cannot pull image " + image)
                .hasMessageContaining("no basic auth credentials")
                .hasMessageContaining("no credentials for " + registry.address() + " were sent");
    }

    private DockerTarget target() {
        DockerTargets targets = new DockerTargets(
                Map.of("DOCKER_HOST", fixture.engine.host().toString(), "DOCKER_CONFIG", config.toString()),
                fixture.proxyDir,
                "haproxy",
                Clock.systemUTC());
        targets.reportTo(log::add);
        return targets.open(fixture.key, targets.spec(fixture.settings(image, Map.of())));
    }

    /** Writes the docker configuration a {@code docker login} with {@code password} would. */
    private void login(String password) throws IOException {
        String basic = Base64.getEncoder()
                .encodeToString((TestRegistry.USER + ":" + password).getBytes(StandardCharsets.UTF_8));
        Files.writeString(
                config.resolve("config.json"),
                "{\"auths\": {\"" + registry.address() + "\": {\"auth\": \"" + basic + "\"}}}");
    }

    private static String header(String password) {
        try {
            Path folder = Files.createTempDirectory("genesis-login-");
            Files.writeString(
                    folder.resolve("config.json"),
                    "{\"auths\": {\"" + registry.address() + "\": {\"username\": \"" + TestRegistry.USER
                            + "\", \"password\": \"" + password + "\"}}}");
            String header = RegistryAuth.fromEnvironment(Map.of("DOCKER_CONFIG", folder.toString()), folder)
                    .header(registry.address())
                    .orElseThrow();
            Files.delete(folder.resolve("config.json"));
            Files.delete(folder);
            return header;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
