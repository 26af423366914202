package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.Stage;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import io.genesis.core.time.SimulatedScheduler;
import io.genesis.kubernetes.lock.LeaseFence;
import io.genesis.kubernetes.lock.LeaseLock;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.RequestLog;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A Lease taken over in the middle of a long step (issue 18, item 5): engine 1 sends canary's promote and
 * then stops answering (a paused VM, a long garbage collection) while stable rolls for minutes on the
 * simulated cluster; its claim lapses, engine 2 adopts the rollout from the shared store and takes the Lease.
 * When engine 1 comes back it must not write to the cluster again, must say why, and engine 2 must finish
 * the rollout with one consistent record.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class LeaseStolenOnSimulatedClusterITest {

    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final String LEASE_NAME = "genesis-shop-staging";

    KubernetesClient client;

    private final ManualClock clock = new ManualClock(EngineOnCluster.T0);
    private final InMemoryRolloutStateStore states = new InMemoryRolloutStateStore();
    private final InMemoryHistoryStore history = new InMemoryHistoryStore();
    private final ScriptedMetricSource metrics = new ScriptedMetricSource();

    @Test
    void shouldStopTheStaleEngineFromWritingAndLetTheNewHolderFinish() {
        createCanary(client, labels("app", "shop"));
        SimulatedCluster cluster = cluster();
        Engine first = new Engine("engine-1");
        Engine second = new Engine("engine-2");
        Workloads workloads = new Workloads(client);
        RolloutId id = first.orchestrator.submit(request());

        // Engine 1 runs until stable has been sent the canary's template: promote is now a polled wait of minutes.
        List<String> writesWhileHolding = new ArrayList<>();
        runUntil(
                cluster,
                List.of(first),
                () -> "reg/shop:1.1.0".equals(workloads.image("shop")),
                writesWhileHolding,
                first);
        assertThat(writesWhileHolding)
                .as("engine 1's writes are seen while it holds the claim")
                .anyMatch(request -> request.startsWith("PATCH /apis/apps/v1/namespaces/test/deployments/shop"));
        Instant frozenAt = clock.instant();
        // Engine 1 stops answering; engine 2 looks for orphans every 5 s, as a reconciler does.
        while (states.load(id).orElseThrow().owner().equals("engine-1")) {
            advance(cluster, clock.instant().plusSeconds(5), List.of(second));
            second.orchestrator.reconcile();
        }
        assertThat(Duration.between(frozenAt, clock.instant()))
                .as("engine 2 adopts only once engine 1's claim lapsed")
                .isGreaterThanOrEqualTo(LEASE);
        assertThat(lease().getMetadata().getAnnotations()).containsEntry(LeaseLock.OWNER, "engine-2");
        assertThat(states.load(id).orElseThrow().stage())
                .as("engine 2 took the rollout over in the middle of promote")
                .isEqualTo(Stage.RUNNING);

        assertThat(first.scheduler.next())
                .as("engine 1 comes back with wake-ups overdue")
                .hasValueSatisfying(at -> assertThat(at).isBefore(clock.instant()));
        // Engine 1 comes back while engine 2 drives the same rollout: both run from now on.
        List<String> staleWrites = new ArrayList<>();
        runUntil(
                cluster,
                List.of(first, second),
                () -> states.load(id).map(RolloutState::settled).orElse(false)
                        && first.scheduler.next().isEmpty(),
                staleWrites,
                first);

        assertThat(staleWrites).as("what engine 1 sent once its claim was gone").isEmpty();
        assertThat(first.heard)
                .contains("lost the lock on shop in staging (now held by " + id + "); this engine (engine-1) stopped"
                        + " driving rollout " + id + ": it is another engine's now, or needs a look by hand");
        DeploymentRecord record = history.find(id.value()).orElseThrow();
        assertThat(record.status()).as(String.join("\n", second.heard)).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(history.all(HistoryQuery.newest(10)))
                .as("one record, written once")
                .hasSize(1);
        assertThat(workloads.image("shop")).isEqualTo("reg/shop:1.1.0");
        assertThat(workloads.replicas("shop")).isEqualTo(4);
        assertThat(workloads.replicasOrZero("shop-canary")).isZero();
        assertThat(client.leases().inNamespace(NS).withName(LEASE_NAME).get())
                .as("released by its holder")
                .isNull();
    }

    private RolloutRequest request() {
        return RolloutRequest.builder("shop", EngineOnCluster.STAGING)
                .commit(EngineOnCluster.COMMIT)
                .ref(SourceRef.branch("main"))
                .version(new Version("1.1.0"))
                .strategy("canary")
                .target(new TargetSpec(
                        KubernetesTargetFactory.KIND, settings("strategy", "canary", "recordEvents", "false")))
                .metrics(MetricSpec.of("scripted"))
                .initiator("bob")
                .build();
    }

    private SimulatedCluster cluster() {
        Timings timings = Timings.realistic();
        SimulatedCluster cluster = new SimulatedCluster(client, NS, clock::instant, timings);
        cluster.advanceTo(clock.instant());
        clock.advance(timings.podReady().plusSeconds(60));
        cluster.catchUp();
        return cluster;
    }

    private void runUntil(SimulatedCluster cluster, List<Engine> engines, BooleanSupplier done) {
        runUntil(cluster, engines, done, new ArrayList<>(), null);
    }

    /**
     * Runs the engines' wake-ups in time order, the cluster catching up in between, until {@code done}; every
     * request {@code watched} sends that is not a read is added to {@code writes}.
     */
    private void runUntil(
            SimulatedCluster cluster, List<Engine> engines, BooleanSupplier done, List<String> writes, Engine watched) {
        for (int i = 0; i < 10_000 && !done.getAsBoolean(); i++) {
            Engine due = engines.stream()
                    .filter(engine -> engine.scheduler.next().isPresent())
                    .min((a, b) -> a.scheduler
                            .next()
                            .get()
                            .compareTo(b.scheduler.next().get()))
                    .orElseThrow(() -> new AssertionError("nothing scheduled, and not done"));
            Instant at = due.scheduler.next().get();
            cluster.advanceTo(at);
            RequestLog.clear();
            due.scheduler.runUntil(at);
            if (due == watched) {
                RequestLog.requests().stream()
                        .filter(request -> !request.startsWith("GET "))
                        .forEach(writes::add);
            }
            cluster.catchUp();
        }
        assertThat(done.getAsBoolean()).as("settled within 10 000 wake-ups").isTrue();
    }

    /** Moves time to {@code until}: the cluster plays it, and {@code engines} run what falls due meanwhile. */
    private void advance(SimulatedCluster cluster, Instant until, List<Engine> engines) {
        for (Engine engine : engines) {
            Optional<Instant> next;
            while ((next = engine.scheduler.next()).isPresent() && !next.get().isAfter(until)) {
                cluster.advanceTo(next.get());
                engine.scheduler.runUntil(next.get());
                cluster.catchUp();
            }
        }
        cluster.advanceTo(until);
        clock.advanceTo(until);
        cluster.catchUp();
    }

    private Lease lease() {
        return client.leases().inNamespace(NS).withName(LEASE_NAME).get();
    }

    /** One genesis engine: its own scheduler, Lease fence and lock, sharing the store, the clock and the cluster. */
    private final class Engine {
        final SimulatedScheduler scheduler = new SimulatedScheduler(clock);
        final List<String> heard = new CopyOnWriteArrayList<>();
        final Orchestrator orchestrator;

        Engine(String name) {
            LeaseFence fence = new LeaseFence();
            this.orchestrator = Orchestrator.builder()
                    .settings(EngineSettings.defaults(name).withLeaseTtl(LEASE))
                    .clock(clock)
                    .scheduler(scheduler)
                    .states(states)
                    .locks(new KubernetesRolloutLock(client, key -> NS, fence))
                    .history(history)
                    .targets(new KubernetesTargetFactory(client, heard::add).fencedBy(fence))
                    .metricSources(spec -> metrics)
                    .approver(request -> {
                        throw new AssertionError("staging needs no approval, yet one was asked: " + request);
                    })
                    .listener(event -> heard.add(event.message()))
                    .ids(RolloutId.sequence("r"))
                    .build();
        }
    }
}
