package io.genesis.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.Retention;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.rollout.plan.StrategyName;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.kubernetes.adapter.KubernetesRolloutLock;
import io.genesis.kubernetes.adapter.KubernetesTargetFactory;
import io.genesis.kubernetes.adapter.KubernetesTargetSettings;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.connect.ClientSettings;
import io.genesis.kubernetes.connect.KubernetesClients;
import io.genesis.kubernetes.history.ConfigMapHistoryStore;
import io.genesis.kubernetes.lock.LeaseFence;
import io.genesis.kubernetes.manifest.ManifestWriter;
import io.genesis.kubernetes.manifest.ServerSideApplyWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Kubernetes as a target kind: Deployments and Services in a cluster, driven by the Kubernetes
 * module's adapter. Nothing of it lives in this process, so any later genesis process opens a stored
 * rollout's target again from its settings (a rollback, the next deploy adopting a rollout whose
 * process was killed). The lock of each application and environment is a Lease in the target
 * namespace, shared by every genesis process that reaches the cluster, whatever its state directory.
 *
 * <p>Stored settings: how the cluster is reached ({@link KubernetesAccess}: a kubeconfig path and
 * context, in-cluster, or an API URL with the variable or file holding the token, never the token)
 * and the target factory's settings, which the factory checks ({@code namespace}, {@code deployment}
 * (default: the application), {@code image}, {@code strategy}, ...).
 */
final class KubernetesKind implements TargetKind {

    static final String NAME = KubernetesTargetFactory.KIND;

    static final String NAMESPACE = "namespace";
    static final String DEPLOYMENT = "deployment";
    static final String IMAGE = "image";
    static final String STRATEGY = "strategy";
    /** The folder of manifests applied before the candidate is deployed. */
    static final String MANIFESTS = "manifests";

    /** Where each setting can be given on the command line, for the hint after a refused setting. */
    private static final String WHERE = "kubernetes settings come from the environment's target in genesis.yaml,"
            + " --target-option KEY=VALUE, and --kubeconfig, --context, --namespace, --deployment, --image,"
            + " --app-label, --container, --http-route";

    private final KubernetesAccess access;
    private final ClientSettings clientSettings;
    private final Function<KubernetesClient, ManifestWriter> manifestWriters;
    private final Map<Map<String, String>, KubernetesClient> clients = new HashMap<>();
    // One per process: the Lease lock notes its claims here, and the targets stop writing once one is lost.
    private final LeaseFence fence = new LeaseFence();
    private volatile Consumer<String> log = line -> {};

    /**
     * @param access how clusters are reached from this process
     * @param clientSettings timeouts and retries of every client
     */
    KubernetesKind(KubernetesAccess access, ClientSettings clientSettings) {
        this(access, clientSettings, ServerSideApplyWriter::new);
    }

    /**
     * @param manifestWriters how manifests are written with a client: server-side apply, except where
     *     an API server cannot take it (the tests' mock)
     */
    KubernetesKind(
            KubernetesAccess access,
            ClientSettings clientSettings,
            Function<KubernetesClient, ManifestWriter> manifestWriters) {
        this.access = Objects.requireNonNull(access, "access");
        this.clientSettings = Objects.requireNonNull(clientSettings, "clientSettings");
        this.manifestWriters = Objects.requireNonNull(manifestWriters, "manifestWriters");
    }

    /** This process's environment, home and working directory; the Kubernetes module's client defaults. */
    static KubernetesKind standard() {
        return new KubernetesKind(
                new KubernetesAccess(System.getenv(), Path.of(System.getProperty("user.home")), Path.of("")),
                ClientSettings.DEFAULT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Deployments and Services in a cluster, reached with a kubeconfig, in-cluster, or an API URL and"
                + " token";
    }

    @Override
    public boolean livesInProcess() {
        return false;
    }

    @Override
    public Set<String> settingNames() {
        return standardSettingNames();
    }

    /** Every setting of a Kubernetes target: how the cluster is reached, and the target's own. */
    static Set<String> standardSettingNames() {
        Set<String> names = new TreeSet<>(KubernetesAccess.NAMES);
        names.addAll(KubernetesTargetSettings.names());
        return Collections.unmodifiableSet(names);
    }

    /**
     * A named strategy decides the layout (blue-green slots, a canary Deployment, one rolling
     * Deployment); a {@code custom} plan runs on the layout the {@code strategy} setting names.
     */
    @Override
    public Map<String, String> withStrategy(String strategy, Map<String, String> settings) {
        if (StrategyName.named(strategy) == StrategyName.CUSTOM) {
            return settings;
        }
        String given = settings.get(STRATEGY);
        if (given != null && !given.trim().equals(strategy)) {
            throw new IllegalArgumentException("--strategy " + strategy + " and the kubernetes setting strategy="
                    + given + " disagree; the setting only chooses the layout (blueGreen, canary or rolling) of a"
                    + " --steps plan: drop it, or make the two agree");
        }
        Map<String, String> with = new LinkedHashMap<>(settings);
        with.put(STRATEGY, strategy);
        return with;
    }

    @Override
    public void check(DeploymentKey key, Map<String, String> settings) {
        open(key, spec(key, settings));
    }

    @Override
    public TargetSpec newTarget(
            DeploymentKey key, Version candidate, Map<String, String> settings, Consumer<String> log) {
        TargetSpec spec = spec(key, settings);
        DeploymentTarget target = open(key, spec);
        log.accept(target.describe() + " with image " + spec.settings().get(IMAGE) + ", reached with "
                + KubernetesAccess.describe(spec.settings()) + "; the lock of " + key + " is a Lease in namespace "
                + spec.settings().get(NAMESPACE));
        return spec;
    }

    /** TLS verification off, or plain http to loopback: allowed, said, and kept in the record. */
    @Override
    public List<String> warnings(TargetSpec target) {
        return KubernetesClients.warnings(client(KubernetesAccess.of(target.settings())));
    }

    /** Kubernetes has no metric source of its own yet: a plan that analyses is refused before it starts. */
    @Override
    public Optional<MetricSpec> metricsFor(DeploymentKey key, TargetSpec target) {
        return Optional.empty();
    }

    @Override
    public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        Map<String, String> stored = spec.settings();
        KubernetesClient client = client(KubernetesAccess.of(stored));
        KubernetesTargetFactory factory =
                new KubernetesTargetFactory(client, this::report, manifestWriters.apply(client)).fencedBy(fence);
        try {
            return factory.open(key, new TargetSpec(NAME, KubernetesAccess.withoutAccess(stored)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; " + WHERE, e);
        }
    }

    @Override
    public MetricSource openMetrics(MetricSpec spec) {
        throw new IllegalArgumentException(
                "the kubernetes target has no metric source of its own; a rollout on it" + " cannot name one");
    }

    @Override
    public Optional<RolloutLock> lock(TargetSpec target) {
        String namespace = target.settings().get(NAMESPACE);
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("kubernetes target " + target.settings() + " names no namespace, where"
                    + " its lock (a Lease) lives");
        }
        KubernetesClient client = client(KubernetesAccess.of(target.settings()));
        return Optional.of(new KubernetesRolloutLock(client, key -> namespace.trim(), fence));
    }

    /** ConfigMaps in the target namespace: the namespace the environment's Lease lives in. */
    @Override
    public Optional<HistoryStore> history(Map<String, String> settings, Retention retention) {
        String namespace = settings.get(NAMESPACE);
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("history: cluster keeps the records in the namespace of the"
                    + " environment's kubernetes target, and it names none; fix: add namespace: to its target");
        }
        return Optional.of(new ConfigMapHistoryStore(
                client(KubernetesAccess.of(access.resolve(settings))),
                namespace.trim(),
                ConfigMapHistoryStore.Limits.DEFAULT,
                retention));
    }

    /**
     * The environment's target settings with the layout the record's strategy used and, unless the
     * settings name one, the image of the Deployment that rollout wrote ({@code genesis.io/rollout}).
     */
    @Override
    public TargetSpec adopt(DeploymentKey key, DeploymentRecord record, Map<String, String> settings) {
        Map<String, String> given = new LinkedHashMap<>(settings);
        StrategyName strategy = StrategyName.named(record.strategy());
        if (strategy != StrategyName.CUSTOM) {
            given.put(STRATEGY, strategy.label());
        }
        if (!given.containsKey(IMAGE)) {
            given.put(IMAGE, imageOf(key, record, given));
        }
        return spec(key, given);
    }

    private String imageOf(DeploymentKey key, DeploymentRecord record, Map<String, String> settings) {
        String namespace = settings.getOrDefault(NAMESPACE, "").trim();
        KubernetesClient client = client(KubernetesAccess.of(access.resolve(settings)));
        String container = settings.getOrDefault("container", "").trim();
        return Api.call(
                        ApiCall.of("list", ApiCall.Kind.DEPLOYMENT, namespace, ""),
                        () -> client.apps()
                                .deployments()
                                .inNamespace(namespace)
                                .list()
                                .getItems())
                .stream()
                .filter(d -> d.getMetadata().getAnnotations() != null
                        && record.id().equals(d.getMetadata().getAnnotations().get(Names.ROLLOUT)))
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .filter(c -> container.isEmpty() || container.equals(c.getName()))
                .map(c -> c.getImage())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Deployment in namespace " + namespace
                        + " carries " + Names.ROLLOUT + ": " + record.id() + ", the rollout of " + key + " to roll"
                        + " back; fix: add image: to the environment's target, or check the namespace"));
    }

    @Override
    public void reportTo(Consumer<String> log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (KubernetesClient client : clients.values()) {
            try {
                client.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        clients.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** The settings to store: access resolved (no secret in it), the deployment defaulting to the application. */
    private TargetSpec spec(DeploymentKey key, Map<String, String> settings) {
        Map<String, String> stored = new TreeMap<>(KubernetesAccess.withoutAccess(settings));
        stored.putIfAbsent(DEPLOYMENT, key.application());
        if (stored.containsKey(MANIFESTS)) {
            // Stored absolute: a later process (a rollback, a recovery) may run in another directory.
            stored.put(MANIFESTS, access.path(stored.get(MANIFESTS)).toString());
        }
        stored.putAll(access.resolve(settings));
        return new TargetSpec(NAME, stored);
    }

    /** One client per way of reaching a cluster, made on first use and closed with this kind. */
    private synchronized KubernetesClient client(Map<String, String> stored) {
        Map<String, String> id = Map.copyOf(stored);
        KubernetesClient client = clients.get(id);
        if (client == null) {
            client = KubernetesClients.open(
                    access.connect(stored),
                    clientSettings.withInsecureHttpAllowed(
                            clientSettings.insecureHttpAllowed() || KubernetesAccess.insecureHttpAllowed(stored)));
            clients.put(id, client);
        }
        return client;
    }

    private void report(String message) {
        log.accept("kubernetes: " + message);
    }
}
