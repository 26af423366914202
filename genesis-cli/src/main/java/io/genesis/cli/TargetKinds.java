package io.genesis.cli;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.probe.HttpProbeSource;
import io.genesis.core.monitor.sources.MetricSources;
import io.genesis.core.monitor.web.LocalSecrets;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetFactory;
import io.genesis.core.target.TargetSpec;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The target kinds one command can use, by name. It is the engine's target and metric-source
 * factory: a stored rollout names its kind, and an unknown kind fails with the known ones.
 */
final class TargetKinds implements TargetFactory, MetricSourceFactory, AutoCloseable {

    private final Map<String, TargetKind> kinds = new LinkedHashMap<>();
    /** One HTTP client for every probe and Prometheus query of this command, made on first use. */
    private HttpClient probes;

    TargetKinds(List<? extends TargetKind> all) {
        for (TargetKind kind : all) {
            if (kinds.putIfAbsent(kind.name(), kind) != null) {
                throw new IllegalArgumentException("target kind '" + kind.name() + "' is registered twice");
            }
        }
    }

    /** The kinds this build of the command line knows: the sandbox, Kubernetes and a Docker host. */
    static TargetKinds builtIn() {
        return new TargetKinds(List.of(SandboxKind.standard(), KubernetesKind.standard(), DockerKind.standard()));
    }

    /** The kind called {@code name}; an unknown name fails with the known ones. */
    TargetKind named(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown target '" + name + "'; known: " + names()));
    }

    /** The kind called {@code name}, if this command knows it. */
    Optional<TargetKind> find(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /** Sends what every kind's targets report to {@code log} from now on. */
    void reportTo(Consumer<String> log) {
        kinds.values().forEach(kind -> kind.reportTo(log));
    }

    /** {@code sandbox (…), kubernetes (…)}: the known names with their summaries. */
    String names() {
        List<String> names = new ArrayList<>();
        kinds.values().forEach(kind -> names.add(kind.name() + " (" + kind.summary() + ")"));
        return String.join(", ", names);
    }

    @Override
    public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        return named(spec.kind()).open(key, spec);
    }

    @Override
    public MetricSource open(MetricSpec spec) {
        // Prometheus, a scrape, a web query and a probe work against any target: they only need an address.
        Optional<MetricSource> source = MetricSources.open(spec, probes(), LocalSecrets.ofProcess());
        if (source.isPresent()) {
            return source.get();
        }
        TargetKind kind = kinds.get(spec.kind());
        if (kind == null) {
            throw new IllegalArgumentException("unknown metric source '" + spec.kind() + "'; known: "
                    + String.join(", ", MetricSources.KINDS) + ", and the measurements of the "
                    + String.join(" and ", kinds.keySet()) + " target");
        }
        return kind.openMetrics(spec);
    }

    private synchronized HttpClient probes() {
        if (probes == null) {
            probes = HttpProbeSource.client();
        }
        return probes;
    }

    /** Stops what every kind started in this process; the first failure is thrown after all were tried. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (TargetKind kind : kinds.values()) {
            try {
                kind.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
