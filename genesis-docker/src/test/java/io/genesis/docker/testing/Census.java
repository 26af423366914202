package io.genesis.docker.testing;

import io.genesis.docker.engine.ContainerState;
import io.genesis.docker.proxy.Haproxy;
import io.genesis.docker.proxy.ProxyServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Counts one application's containers while a rollout runs, every 20 ms from outside the target: how many
 * the engine runs, and how many of those the proxy sends requests to (weight above 0, not in maintenance).
 * A sample is taken between two reads, so a moment shorter than the pace can slip through; the budgets'
 * arithmetic is checked at every moment by {@code RollingBudgetTest}.
 */
public final class Census implements AutoCloseable {

    /** One sample: containers running, and running containers with weight in the proxy. */
    public record Sample(int running, int serving) {}

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean counting = true;

    private Census(DockerFixture fixture) {
        Haproxy proxy = fixture.targets.proxy(fixture.proxyDir, fixture.key);
        Map<String, String> labels = Map.of(
                "io.genesis.application",
                fixture.key.application(),
                "io.genesis.environment",
                fixture.key.environment());
        thread = new Thread(
                () -> {
                    while (counting) {
                        try {
                            Set<String> running = fixture.client().listContainers(labels).stream()
                                    .filter(ContainerState::running)
                                    .map(ContainerState::name)
                                    .collect(Collectors.toSet());
                            Map<String, ProxyServer> servers = proxy.servers();
                            int serving = (int) servers.values().stream()
                                    .filter(server -> server.weight() > 0 && running.contains(server.name()))
                                    .count();
                            samples.add(new Sample(running.size(), serving));
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                        DockerFixture.pause(20);
                    }
                },
                "docker-census");
        thread.setDaemon(true);
        thread.start();
    }

    public static Census start(DockerFixture fixture) {
        return new Census(fixture);
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Reads that failed (the proxy or the engine did not answer), which a test may expect none of. */
    public List<RuntimeException> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        counting = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
