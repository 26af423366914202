package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.lock.LeaseFence;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stale engine whose rollout another engine adopted stops writing at its next call. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class LeaseFenceTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final DeploymentKey KEY = DeploymentKey.of("shop", "staging");
    private static final DeploymentContext R1 = new DeploymentContext("r-1", KEY, new Version("1.1.0"), "abcdef1");

    KubernetesClient client;

    private final List<String> events = new ArrayList<>();
    private final LeaseFence fenceOfEngine1 = new LeaseFence();
    private final ManualClock clock = new ManualClock(T0);
    private SimulatedCluster cluster;
    private KubernetesRolloutLock engine1;
    private DeploymentTarget target;

    @BeforeEach
    void setUp() {
        createBlueGreen(client, 2);
        cluster = SimulatedCluster.settled(client, NS, clock, Timings.realistic());
        engine1 = new KubernetesRolloutLock(client, key -> NS, fenceOfEngine1);
        target = new KubernetesTargetFactory(client, events::add)
                .fencedBy(fenceOfEngine1)
                .open(KEY, new TargetSpec(KubernetesTargetFactory.KIND, settings("recordEvents", "false")));
    }

    @Test
    void shouldWriteWhileItsClaimHolds() {
        engine1.acquire(KEY, "r-1", "engine-1", T0, TTL).orElseThrow();

        target.deployCandidate(R1);
        cluster.elapse(Duration.ofSeconds(30));

        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-green")
                        .get())
                .isNotNull();
    }

    @Test
    void shouldStopWritingOnceAnotherEngineAdoptedTheRollout() {
        engine1.acquire(KEY, "r-1", "engine-1", T0, TTL).orElseThrow();
        target.deployCandidate(R1);
        cluster.elapse(Duration.ofSeconds(30));
        // engine-1 is paused (a long GC); engine-2 adopts the rollout, which keeps its holder identity.
        KubernetesRolloutLock engine2 = new KubernetesRolloutLock(client, key -> NS, new LeaseFence());
        engine2.acquire(KEY, "r-1", "engine-2", T0.plusSeconds(90), TTL).orElseThrow();

        assertThatThrownBy(() -> target.promote(R1))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("rollout r-1 no longer holds Lease genesis-shop-staging in namespace test")
                .hasMessageContaining("held by rollout r-1 of engine engine-2")
                .hasMessageContaining("stopped writing");
        assertThat(client.services()
                        .inNamespace(NS)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getSelector())
                .as("the active Service still selects blue: the stale engine wrote nothing")
                .containsEntry("slot", "blue");
        assertThat(engine1.refresh(KEY, "r-1", T0.plusSeconds(91), TTL))
                .as("nor does it renew the claim the other engine took")
                .isEmpty();
        assertThat(engine2.current(KEY).orElseThrow().owner()).isEqualTo("engine-2");
        assertThatThrownBy(() -> target.rollback(R1)).hasMessageContaining("no longer holds Lease");
    }

    @Test
    void shouldStopWritingOnceItsRenewalFailed() {
        engine1.acquire(KEY, "r-1", "engine-1", T0, TTL).orElseThrow();
        client.leases().inNamespace(NS).withName("genesis-shop-staging").edit(lease -> {
            lease.getSpec().setHolderIdentity("r-2");
            return lease;
        });

        assertThat(engine1.refresh(KEY, "r-1", T0.plusSeconds(30), TTL)).isEmpty();

        assertThatThrownBy(() -> target.deployCandidate(R1)).hasMessageContaining("its renewal failed");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-green")
                        .get())
                .isNull();
    }
}
