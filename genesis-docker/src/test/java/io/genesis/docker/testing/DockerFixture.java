package io.genesis.docker.testing;

import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Health;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.docker.engine.ContainerState;
import io.genesis.docker.engine.EngineClient;
import io.genesis.docker.target.DockerSettings;
import io.genesis.docker.target.DockerTarget;
import io.genesis.docker.target.DockerTargets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One application on the test engine for one test: a unique application name, a free proxy port, its own
 * proxy directory; {@link #close()} removes its containers and stops its proxy.
 */
public final class DockerFixture implements AutoCloseable {

    private static final AtomicInteger NEXT = new AtomicInteger();

    public final TestEngine engine = TestEngine.get();
    public final DeploymentKey key;
    public final int proxyPort = freePort();
    public final Path proxyDir;
    public final DockerTargets targets;

    public DockerFixture(String environment) {
        this.key = DeploymentKey.of("app" + NEXT.incrementAndGet(), environment);
        this.proxyDir = engine.newDirectory("p");
        this.targets = new DockerTargets(
                Map.of("DOCKER_HOST", engine.host().toString()), proxyDir, "haproxy", Clock.systemUTC());
    }

    public EngineClient client() {
        return engine.client();
    }

    /** The settings of a target deploying {@code image}, plus {@code more}. */
    public Map<String, String> settings(String image, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put(DockerSettings.IMAGE, image);
        settings.put(DockerSettings.PROXY_PORT, Integer.toString(proxyPort));
        settings.put(DockerSettings.PROXY_DIR, proxyDir.toString());
        settings.put(DockerSettings.STOP_GRACE, "1");
        return settings;
    }

    public TargetSpec spec(String image, Map<String, String> more) {
        return targets.spec(settings(image, more));
    }

    public DockerTarget target(String image, Map<String, String> more) {
        return targets.open(key, spec(image, more));
    }

    public DeploymentContext context(String rollout, String version) {
        return new DeploymentContext(rollout, key, new Version(version), "abcdef1");
    }

    /** Puts {@code version} of {@code image} in service with all traffic, as a first deployment would. */
    public void serve(String image, String version, Map<String, String> more) {
        DockerTarget target = target(image, more);
        DeploymentContext first = context("first-" + version.replace('.', '-'), version);
        target.deployCandidate(first);
        awaitHealthy(target, first);
        target.setWeight(first, io.genesis.core.policy.Percentage.HUNDRED);
        target.promote(first);
    }

    /** Polls the target's health until it stops progressing, for at most 60 s. */
    public static Health awaitSettled(DockerTarget target, DeploymentContext context) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Health health = target.health(context);
            if (health.state() != Health.State.PROGRESSING || System.nanoTime() > deadline) {
                return health;
            }
            pause(50);
        }
    }

    public static void awaitHealthy(DockerTarget target, DeploymentContext context) {
        Health health = awaitSettled(target, context);
        if (!health.isHealthy()) {
            throw new AssertionError("not healthy: " + health);
        }
    }

    /** The containers of this application running {@code version}. */
    public List<ContainerState> containers(String version) {
        Map<String, String> labels = new HashMap<>(
                Map.of("io.genesis.application", key.application(), "io.genesis.environment", key.environment()));
        labels.put("io.genesis.version", version);
        return client().listContainers(labels);
    }

    public boolean runs(String version) {
        return containers(version).stream().anyMatch(ContainerState::running);
    }

    @Override
    public void close() {
        for (ContainerState container : client().listContainers(Map.of(
                "io.genesis.application", key.application(), "io.genesis.environment", key.environment()))) {
            client().removeContainer(container.id());
        }
        targets.proxy(proxyDir, key).stop();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops a server the test started (SIGTERM), killing it when it has not ended 10 s later. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
