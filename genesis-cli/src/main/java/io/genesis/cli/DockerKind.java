package io.genesis.cli;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.docker.target.DockerSettings;
import io.genesis.docker.target.DockerTarget;
import io.genesis.docker.target.DockerTargets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Docker host as a target kind: containers through the Engine API behind the HAProxy Genesis owns
 * per application and environment. Nothing of it lives in this process (the proxy runs as a daemon), so
 * any later genesis process opens a stored rollout's target from its settings. The lock of each
 * application and environment is a file lock in the proxies' directory on the host, shared by every
 * genesis process there whatever its state directory.
 */
final class DockerKind implements TargetKind {

    static final String NAME = DockerTargets.KIND;

    private final DockerTargets targets;
    private final long minRequests;
    /** The candidate of each new rollout of this process, for its metric spec. */
    private final Map<DeploymentKey, Version> candidates = new HashMap<>();

    DockerKind(DockerTargets targets, long minRequests) {
        this.targets = targets;
        this.minRequests = minRequests;
    }

    static DockerKind standard() {
        return new DockerKind(DockerTargets.standard(), 10);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "containers on a Docker host (DOCKER_HOST) behind an HAProxy on 127.0.0.1 that Genesis runs";
    }

    @Override
    public boolean livesInProcess() {
        return false;
    }

    @Override
    public Set<String> settingNames() {
        return DockerSettings.KNOWN.keySet();
    }

    @Override
    public void check(DeploymentKey key, Map<String, String> settings) {
        targets.spec(settings);
    }

    @Override
    public synchronized TargetSpec newTarget(
            DeploymentKey key, Version candidate, Map<String, String> settings, Consumer<String> log) {
        TargetSpec spec = targets.spec(settings);
        DockerTarget target = targets.open(key, spec);
        candidates.put(key, candidate);
        log.accept(target.describe() + " with image " + spec.settings().get(DockerSettings.IMAGE)
                + "; the proxy and the lock of " + key + " live in "
                + lockDirectory(spec).getParent());
        return spec;
    }

    @Override
    public synchronized Optional<MetricSpec> metricsFor(DeploymentKey key, TargetSpec target) {
        Version candidate = candidates.get(key);
        if (candidate == null) {
            return Optional.empty();
        }
        return Optional.of(DockerTargets.metricSpec(key, candidate, target, minRequests));
    }

    @Override
    public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        return targets.open(key, spec);
    }

    @Override
    public MetricSource openMetrics(MetricSpec spec) {
        return targets.open(spec);
    }

    @Override
    public Optional<RolloutLock> lock(TargetSpec target) {
        return Optional.of(new FileRolloutLock(lockDirectory(target)));
    }

    @Override
    public void reportTo(Consumer<String> log) {
        targets.reportTo(line -> log.accept(line));
    }

    @Override
    public void close() {
        // The containers and the proxy outlive this process on purpose.
    }

    private static Path lockDirectory(TargetSpec target) {
        return Path.of(target.settings().get(DockerSettings.PROXY_DIR)).resolve("locks");
    }
}
