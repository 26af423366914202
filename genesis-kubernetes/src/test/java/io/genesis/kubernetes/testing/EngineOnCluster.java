package io.genesis.kubernetes.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutEvent;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import io.genesis.core.time.SimulatedScheduler;
import io.genesis.kubernetes.adapter.KubernetesTargetFactory;
import io.genesis.kubernetes.manifest.ManifestWriter;
import io.genesis.kubernetes.manifest.ServerSideApplyWriter;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real engine driving the Kubernetes target on the mock API server: simulated time (analysis
 * windows and the 24 h keep of blue-green take no wall time), in-memory stores, a scripted metric
 * source, and the {@link SimulatedCluster} ({@link #simulate}) on the same clock, which plays what
 * is due between the engine's wake-ups, as the cluster would while the engine waits.
 */
public final class EngineOnCluster implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    public static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    public static final Environment STAGING = Environments.defaults().named("staging");

    public final ManualClock clock = new ManualClock(T0);
    public final SimulatedScheduler scheduler = new SimulatedScheduler(clock);
    public final InMemoryRolloutStateStore states = new InMemoryRolloutStateStore();
    public final HistoryStore history = new InMemoryHistoryStore();
    public final ScriptedMetricSource metrics = new ScriptedMetricSource();
    public final Orchestrator engine;
    private final KubernetesClient client;
    private final KubernetesClient controllerClient;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<String> standInFaults = new CopyOnWriteArrayList<>();
    private SimulatedCluster cluster;

    public EngineOnCluster(KubernetesClient client, RolloutLock locks) {
        this(client, locks, new ServerSideApplyWriter(client));
    }

    /** As {@link #EngineOnCluster(KubernetesClient, RolloutLock)}, with targets writing manifests through {@code manifests}. */
    public EngineOnCluster(KubernetesClient client, RolloutLock locks, ManifestWriter manifests) {
        this(client, locks, manifests, EngineSettings.defaults("engine-1"));
    }

    /** As {@link #EngineOnCluster(KubernetesClient, RolloutLock, ManifestWriter)}, with engine {@code settings}. */
    public EngineOnCluster(
            KubernetesClient client, RolloutLock locks, ManifestWriter manifests, EngineSettings settings) {
        this(client, locks, manifests, settings, client);
    }

    /**
     * As {@link #EngineOnCluster(KubernetesClient, RolloutLock, ManifestWriter, EngineSettings)}, the simulated
     * cluster talking to the API server through {@code controllerClient}, apart from Genesis' requests (its
     * client must carry {@link io.genesis.kubernetes.testing.cluster.NamespaceLifecycle}, see {@link
     * NoRetries#withoutLog}).
     */
    public EngineOnCluster(
            KubernetesClient client,
            RolloutLock locks,
            ManifestWriter manifests,
            EngineSettings settings,
            KubernetesClient controllerClient) {
        this.client = client;
        this.controllerClient = controllerClient;
        KubernetesTargetFactory targets = new KubernetesTargetFactory(client, messages::add, manifests);
        this.engine = Orchestrator.builder()
                .settings(settings)
                .clock(clock)
                .scheduler(scheduler)
                .states(states)
                .locks(locks)
                .history(history)
                .targets(targets)
                .metricSources(spec -> metrics)
                .approver(request -> {
                    throw new AssertionError("staging needs no approval, yet one was asked: " + request);
                })
                .listener(this::heard)
                .ids(RolloutId.sequence("r"))
                .build();
    }

    /**
     * The cluster is the {@link SimulatedCluster} with {@code timings}: between the engine's wake-ups
     * it plays every instant at which something is due, and it is brought to each wake-up's time
     * before the engine acts. Its state now is settled at once (the objects created so far become
     * ready before the rollout starts). Every test of this class calls it before the engine runs.
     */
    public SimulatedCluster simulate(Timings timings) {
        cluster = SimulatedCluster.settled(controllerClient, Fixtures.NS, clock, timings);
        if (controllerClient != client) {
            cluster.admitting(client);
        }
        return cluster;
    }

    /** A staging rollout of {@code application} 1.1.0 to the Kubernetes target with {@code settings}. */
    public RolloutRequest.Builder request(String application, String strategy, Map<String, String> settings) {
        return RolloutRequest.builder(application, STAGING)
                .commit(COMMIT)
                .ref(SourceRef.branch("main"))
                .version(new Version("1.1.0"))
                .strategy(strategy)
                .target(new TargetSpec(KubernetesTargetFactory.KIND, settings))
                .metrics(MetricSpec.of("scripted"))
                .initiator("bob");
    }

    /** Submits {@code request}, drives it until it settles and returns its record. */
    public DeploymentRecord run(RolloutRequest.Builder request) {
        return run(request, () -> {});
    }

    /** As {@link #run(RolloutRequest.Builder)}, calling {@code observer} as {@link #drive(Runnable)} does. */
    public DeploymentRecord run(RolloutRequest.Builder request, Runnable observer) {
        RolloutId id = engine.submit(request.build());
        drive(observer);
        return record(id);
    }

    /** Runs wake-ups, letting the cluster catch up after each, until every rollout has settled. */
    public void drive() {
        drive(() -> {});
    }

    /** As {@link #drive()}, calling {@code observer} after each wake-up once the cluster caught up. */
    public void drive(Runnable observer) {
        for (int i = 0; i < 10_000; i++) {
            Optional<Instant> next = scheduler.next();
            if (next.isEmpty()) {
                if (!states.list().stream().allMatch(RolloutState::settled)) {
                    throw new AssertionError("stuck: nothing scheduled, but not settled: " + engine.list());
                }
                return;
            }
            Instant at = next.get();
            playCluster(() -> cluster().advanceTo(at));
            scheduler.runUntil(at);
            catchUp();
            observer.run();
        }
        throw new AssertionError("did not settle within 10 000 wake-ups: " + engine.list());
    }

    /** Runs one wake-up and lets the cluster catch up. */
    public void step() {
        scheduler.next().ifPresent(at -> {
            playCluster(() -> cluster().advanceTo(at));
            scheduler.runUntil(at);
        });
        catchUp();
    }

    /** The cluster catches up with what was asked: its controllers play up to the clock's time. */
    public void catchUp() {
        playCluster(() -> cluster().catchUp());
    }

    private SimulatedCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("no cluster: call simulate(Timings) before the engine runs");
        }
        return cluster;
    }

    /** Runs {@code play}; a sync the API refused is tried again, as a real controller requeues it (with backoff). */
    private void playCluster(Runnable play) {
        for (int attempt = 1; ; attempt++) {
            try {
                play.run();
                return;
            } catch (KubernetesClientException e) {
                standInFaults.add(String.valueOf(e.getMessage()));
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The API failures the simulated cluster's controllers met (and retried), rather than Genesis. */
    public List<String> standInFaults() {
        return new ArrayList<>(standInFaults);
    }

    public DeploymentRecord record(RolloutId id) {
        return history.find(id.value()).orElseThrow(() -> new AssertionError("no record of " + id));
    }

    /** What the engine and the target said, in order. */
    public List<String> messages() {
        return new ArrayList<>(messages);
    }

    public KubernetesClient client() {
        return client;
    }

    private void heard(RolloutEvent event) {
        messages.add(event.message());
    }

    @Override
    public void close() {
        // the simulated cluster runs only when driven: nothing to stop
    }
}
