package io.genesis.sandbox.target;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TargetFactory;
import io.genesis.core.target.TargetSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The sandbox targets that live in this process, one per application and environment, and the factories
 * the engine opens them through. A sandbox is a set of local servers, so it cannot be reached again from
 * another process: whoever starts the sandbox (the CLI's demo, a test) registers its target here, and
 * stored rollouts name it by kind only ({@link #targetSpec()}). A metric spec names the application and
 * environment in its settings, because the engine opens metric sources from the spec alone.
 */
public final class SandboxTargets implements TargetFactory, MetricSourceFactory {

    /** The kind of target and of metric source this registry opens. */
    public static final String KIND = "sandbox";

    /** Metric spec setting: the application whose traffic is measured (required). */
    public static final String APPLICATION = "application";

    /** Metric spec setting: the environment whose traffic is measured (required). */
    public static final String ENVIRONMENT = "environment";

    /** Metric spec setting: {@code candidate} (default) or {@code overall}, see {@link MetricScope}. */
    public static final String SCOPE = "scope";

    /** Metric spec setting: the fewest requests a sample needs to give readings; 1 by default. */
    public static final String MIN_REQUESTS = "minRequests";

    private static final Set<String> SETTINGS = Set.of(APPLICATION, ENVIRONMENT, SCOPE, MIN_REQUESTS);

    private final ConcurrentMap<DeploymentKey, SandboxTarget> targets = new ConcurrentHashMap<>();

    /** The target spec of every sandbox target: the kind alone, since the key picks the target. */
    public static TargetSpec targetSpec() {
        return TargetSpec.of(KIND);
    }

    /** A metric spec for the candidate's traffic of {@code key}, a sample needing one request at least. */
    public static MetricSpec metricSpec(DeploymentKey key) {
        return metricSpec(key, MetricScope.CANDIDATE, 1);
    }

    /** A metric spec for {@code scope}'s traffic of {@code key}. */
    public static MetricSpec metricSpec(DeploymentKey key, MetricScope scope, long minRequests) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scope, "scope");
        return new MetricSpec(
                KIND,
                Map.of(
                        APPLICATION, key.application(),
                        ENVIRONMENT, key.environment(),
                        SCOPE, scope.name().toLowerCase(Locale.ROOT),
                        MIN_REQUESTS, Long.toString(minRequests)));
    }

    /**
     * Makes {@code target} the one opened for its key.
     *
     * @throws IllegalStateException when another target is registered for the key
     */
    public SandboxTarget register(SandboxTarget target) {
        Objects.requireNonNull(target, "target");
        SandboxTarget before = targets.putIfAbsent(target.key(), target);
        if (before != null && before != target) {
            throw new IllegalStateException("a sandbox target is already registered for " + target.key() + " ("
                    + before.describe() + "); unregister it first");
        }
        return target;
    }

    /** Forgets the target of {@code key}, returning it; its sandbox is the caller's to close. */
    public Optional<SandboxTarget> unregister(DeploymentKey key) {
        return Optional.ofNullable(targets.remove(key));
    }

    /** The target registered for {@code key}. */
    public Optional<SandboxTarget> find(DeploymentKey key) {
        return Optional.ofNullable(targets.get(key));
    }

    @Override
    public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        requireKind("target", Objects.requireNonNull(spec, "spec").kind());
        return require(key);
    }

    @Override
    public MetricSource open(MetricSpec spec) {
        requireKind("metric source", Objects.requireNonNull(spec, "spec").kind());
        Map<String, String> settings = spec.settings();
        for (String name : settings.keySet()) {
            if (!SETTINGS.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown sandbox metric setting '" + name + "'; known: " + new TreeSet<>(SETTINGS));
            }
        }
        DeploymentKey key = new DeploymentKey(setting(settings, APPLICATION), setting(settings, ENVIRONMENT));
        MetricScope scope = MetricScope.named(settings.getOrDefault(SCOPE, "candidate"));
        long minRequests = minRequests(settings.getOrDefault(MIN_REQUESTS, "1"));
        return require(key).metricSource(scope, minRequests);
    }

    private SandboxTarget require(DeploymentKey key) {
        SandboxTarget target = targets.get(Objects.requireNonNull(key, "key"));
        if (target == null) {
            throw new TargetException("no sandbox runs for " + key + " in this process (sandboxes live only as long as"
                    + " the process that started them); registered: " + new TreeSet<>(targets.keySet()));
        }
        return target;
    }

    private static void requireKind(String what, String kind) {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException(
                    "unknown " + what + " kind '" + kind + "' for the sandbox registry; known: " + KIND);
        }
    }

    private static String setting(Map<String, String> settings, String name) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("sandbox metric spec needs setting '" + name + "', such as "
                    + SandboxTargets.class.getSimpleName() + ".metricSpec(key)");
        }
        return value;
    }

    private static long minRequests(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "sandbox metric setting '" + MIN_REQUESTS + "' must be a whole number, got '" + text + "'", e);
        }
    }
}
