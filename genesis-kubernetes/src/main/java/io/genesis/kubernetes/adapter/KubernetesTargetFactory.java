package io.genesis.kubernetes.adapter;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetFactory;
import io.genesis.core.target.TargetSpec;
import io.genesis.kubernetes.api.ClusterEvents;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.lock.LeaseFence;
import io.genesis.kubernetes.lock.LeaseLock;
import io.genesis.kubernetes.manifest.ManifestApplier;
import io.genesis.kubernetes.manifest.ManifestWriter;
import io.genesis.kubernetes.manifest.ServerSideApplyWriter;
import io.genesis.kubernetes.strategy.Application;
import io.genesis.kubernetes.strategy.BlueGreenRollout;
import io.genesis.kubernetes.strategy.CanaryRollout;
import io.genesis.kubernetes.strategy.KubernetesStrategy;
import io.genesis.kubernetes.strategy.RollingRollout;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Opens Kubernetes targets from their stored settings (kind {@code kubernetes}). Settings are
 * plain strings, never secrets: the client (and so the credentials) is given to the factory.
 *
 * <ul>
 *   <li>{@code namespace}, {@code deployment}, {@code image}: required
 *   <li>{@code strategy}: {@code blueGreen} (default), {@code canary} or {@code rolling}
 *   <li>{@code app}: the {@code app} label, default the application's name
 *   <li>{@code container}: the container whose image is set, when pods have several
 *   <li>{@code httpRoute}: a Gateway API HTTPRoute that splits traffic
 *   <li>{@code activeService}, {@code previewService} (blue-green), {@code stableService},
 *       {@code canaryService} (canary): Service names other than the defaults
 *   <li>{@code scaleDownDelaySeconds}: how long a rolled-back candidate keeps running after traffic
 *       left it (default 30, as Argo Rollouts), so kube-proxy and gateways move open connections
 *       over first
 *   <li>{@code manifests}: a folder of YAML manifests applied (dry run of all first, then
 *       server-side apply) with the candidate's image before each candidate is deployed; with
 *       {@code rolling} it may hold the Deployment itself, with {@code blueGreen} and {@code canary}
 *       only the objects around the Deployments Genesis manages. A rollback leaves applied objects
 *       as they are. Links out of the folder are refused.
 *   <li>{@code allowClusterScoped}: {@code false} (default) refuses cluster-scoped objects in the
 *       manifest folder (ClusterRole, ClusterRoleBinding, Namespace, CustomResourceDefinition,
 *       PersistentVolume, StorageClass, webhooks...); {@code true} applies them
 *   <li>{@code recordEvents}: {@code true} (default) also records each line of the log as a
 *       Kubernetes Event on the Deployment; {@code false} only logs
 * </ul>
 */
public final class KubernetesTargetFactory implements TargetFactory {

    /** The target kind this factory opens. */
    public static final String KIND = "kubernetes";

    static final Set<String> KNOWN = Set.of(
            "namespace",
            "deployment",
            "image",
            "strategy",
            "app",
            "container",
            "httpRoute",
            "activeService",
            "previewService",
            "stableService",
            "canaryService",
            "scaleDownDelaySeconds",
            "manifests",
            "allowClusterScoped",
            "recordEvents");

    private final KubernetesClient client;
    private final EventSink events;
    private final ManifestWriter manifestWriter;
    private final Optional<LeaseFence> fence;

    /** Targets that apply manifests with server-side apply. */
    public KubernetesTargetFactory(KubernetesClient client, EventSink events) {
        this(client, events, new ServerSideApplyWriter(client));
    }

    /** Targets that write manifest objects with {@code manifestWriter}. */
    public KubernetesTargetFactory(KubernetesClient client, EventSink events, ManifestWriter manifestWriter) {
        this(client, events, manifestWriter, Optional.empty());
    }

    private KubernetesTargetFactory(
            KubernetesClient client, EventSink events, ManifestWriter manifestWriter, Optional<LeaseFence> fence) {
        this.client = Objects.requireNonNull(client, "client");
        this.events = Objects.requireNonNull(events, "events");
        this.manifestWriter = Objects.requireNonNull(manifestWriter, "manifestWriter");
        this.fence = Objects.requireNonNull(fence, "fence");
    }

    /**
     * Targets that check, before every call that may write, that their rollout still holds the
     * Lease the {@link KubernetesRolloutLock} sharing {@code fence} took for it, and stop writing
     * once it does not (issue: a stale engine must not write after losing its lease).
     */
    public KubernetesTargetFactory fencedBy(LeaseFence fence) {
        return new KubernetesTargetFactory(client, events, manifestWriter, Optional.of(fence));
    }

    @Override
    public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        if (!KIND.equals(spec.kind())) {
            throw new IllegalArgumentException("target kind '" + spec.kind() + "' is not known here; known: " + KIND);
        }
        Map<String, String> settings = spec.settings();
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "kubernetes target settings " + unknown + " are not known; known: " + new TreeSet<>(KNOWN));
        }
        Application app = new Application(
                required(settings, "namespace"),
                settings.getOrDefault("app", key.application()),
                required(settings, "deployment"),
                settings.getOrDefault("container", ""));
        String image = required(settings, "image");
        StrategyKind kind = StrategyKind.of(settings.getOrDefault("strategy", StrategyKind.BLUE_GREEN.label()));
        EventSink sink = recordEvents(settings)
                ? new ClusterEvents(
                        client,
                        app.namespace(),
                        app.deployment(),
                        events,
                        Clock.systemUTC(),
                        ClusterEvents.background())
                : events;
        String lease = LeaseLock.leaseName(key.application(), key.environment());
        Consumer<DeploymentContext> guard =
                context -> fence.ifPresent(f -> f.check(client, app.namespace(), lease, context.rolloutId()));
        return new KubernetesDeploymentTarget(
                strategy(kind, app, settings, sink),
                image,
                manifests(settings, app, sink),
                scaleDownDelay(settings),
                guard);
    }

    private static Duration scaleDownDelay(Map<String, String> settings) {
        String value = settings.get("scaleDownDelaySeconds");
        if (value == null) {
            return KubernetesDeploymentTarget.DEFAULT_SCALE_DOWN_DELAY;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "scaleDownDelaySeconds must be a whole number of seconds, 0 or more (default 30), got '" + value + "'");
    }

    private static boolean recordEvents(Map<String, String> settings) {
        return flag(settings, "recordEvents", "true");
    }

    private static boolean flag(Map<String, String> settings, String name, String fallback) {
        String value = settings.getOrDefault(name, fallback).trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private Optional<ManifestFolder> manifests(Map<String, String> settings, Application app, EventSink events) {
        String value = settings.getOrDefault("manifests", "").trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path folder;
        try {
            folder = Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "manifests must be the path of a folder of YAML manifests, got '" + value + "': " + e.getMessage(),
                    e);
        }
        // Whether the folder exists is checked when it is applied: a rollback must open the target without it.
        return Optional.of(new ManifestFolder(
                folder,
                new ManifestApplier(
                        manifestWriter, app.namespace(), events, flag(settings, "allowClusterScoped", "false")),
                events));
    }

    private KubernetesStrategy strategy(
            StrategyKind kind, Application app, Map<String, String> settings, EventSink events) {
        return switch (kind) {
            case BLUE_GREEN -> {
                BlueGreenRollout.Layout defaults = BlueGreenRollout.Layout.defaults(app);
                yield new BlueGreenRollout(
                        client,
                        app,
                        new BlueGreenRollout.Layout(
                                settings.getOrDefault("activeService", defaults.activeService()),
                                settings.getOrDefault("previewService", defaults.previewService()),
                                settings.getOrDefault("httpRoute", "")),
                        events);
            }
            case CANARY -> {
                CanaryRollout.Layout defaults = CanaryRollout.Layout.defaults(app);
                yield new CanaryRollout(
                        client,
                        app,
                        new CanaryRollout.Layout(
                                settings.getOrDefault("stableService", defaults.stableService()),
                                settings.getOrDefault("canaryService", defaults.canaryService()),
                                settings.getOrDefault("httpRoute", "")),
                        events);
            }
            case ROLLING -> new RollingRollout(client, app, events);
        };
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("kubernetes target setting '" + key + "' is required"
                    + ("image".equals(key) ? " (for example registry.example/shop:1.4.0)" : ""));
        }
        return value.trim();
    }
}
