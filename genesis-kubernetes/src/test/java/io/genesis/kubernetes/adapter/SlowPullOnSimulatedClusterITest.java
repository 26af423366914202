package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cold node pulling a large image takes minutes, not seconds: the default health deadline
 * (10 min, as the Deployment's own progressDeadlineSeconds) must wait it out rather than roll back a
 * healthy candidate, as the old 2-minute deadline did.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class SlowPullOnSimulatedClusterITest {

    static final Duration PULL = Duration.ofMinutes(3);

    KubernetesClient client;

    private EngineOnCluster world;

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldWaitOutAThreeMinutePullWithinTheDefaultHealthDeadline() {
        createBlueGreen(client, 4);
        world = new EngineOnCluster(client, new InMemoryRolloutLock());
        world.simulate(Timings.realistic().withPull(PULL));

        DeploymentRecord record = world.run(world.request("shop", "blueGreen", settings()));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.phases())
                .filteredOn(p -> p.kind().equals("deployCandidate"))
                .singleElement()
                .satisfies(p -> assertThat(Duration.between(p.startedAt(), p.endedAt()))
                        .as("green's pods are scheduled, pull for 3 min and pass their probe")
                        .isGreaterThan(PULL)
                        .isLessThan(Duration.ofMinutes(10)));
        assertThat(new Workloads(client).selector("shop")).containsEntry("slot", "green");
    }
}
