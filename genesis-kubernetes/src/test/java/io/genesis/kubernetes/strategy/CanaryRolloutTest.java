package io.genesis.kubernetes.strategy;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.create;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.deployment;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.policy.Percentage;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class CanaryRolloutTest {

    private static final Release RELEASE = new Release("r-7", "2.0.0", "reg/shop:2.0.0");

    KubernetesClient client;

    private final List<String> events = new ArrayList<>();
    private final ManualClock clock = new ManualClock(EngineOnCluster.T0);
    private SimulatedCluster cluster;
    private CanaryRollout rollout;

    /** On the simulated cluster (realistic timings, the test's clock): stable's 4 pods ready before each test. */
    @BeforeEach
    void setUp() {
        createCanary(client, labels("app", "shop"));
        cluster = SimulatedCluster.settled(client, NS, clock, Timings.realistic());
        Application app = Application.of(NS, "shop");
        rollout = new CanaryRollout(client, app, CanaryRollout.Layout.defaults(app), events::add);
    }

    /** Lets the cluster's controllers run for {@code minutes} simulated minutes. */
    private void settle(int minutes) {
        cluster.elapse(Duration.ofMinutes(minutes));
    }

    @Test
    void shouldStartOneCanaryPodAndSayThatReplicaCountsApproximateWeights() {
        rollout.deployCandidate(RELEASE);

        Deployment canary = canary();
        assertThat(canary.getSpec().getReplicas()).isEqualTo(1);
        assertThat(canary.getSpec().getSelector().getMatchLabels()).containsEntry("track", "canary");
        assertThat(canary.getMetadata().getAnnotations()).containsEntry(Names.TOTAL_REPLICAS, "4");
        assertThat(events)
                .singleElement()
                .asString()
                .contains("no traffic router")
                .contains("approximated by replica counts out of 4");
    }

    @Test
    void shouldSplitReplicasForAWeightAndVerifyItOnceTheControllerCaughtUp() {
        rollout.deployCandidate(RELEASE);
        settle(1);

        rollout.router().orElseThrow().setWeight(new Percentage(50));

        assertThat(canary().getSpec().getReplicas()).isEqualTo(2);
        assertThat(stable().getSpec().getReplicas())
                .as("surge first: stable waits for the canary")
                .isEqualTo(4);
        assertThat(rollout.router().orElseThrow().verifyWeight(new Percentage(50)))
                .isFalse();
        assertThat(stable().getSpec().getReplicas())
                .as("the canary is not available yet")
                .isEqualTo(4);
        settle(1);
        assertThat(rollout.router().orElseThrow().verifyWeight(new Percentage(50)))
                .as("the canary's 2 pods are available: stable shrinks now")
                .isFalse();
        assertThat(stable().getSpec().getReplicas()).isEqualTo(2);
        settle(1);
        assertThat(rollout.router().orElseThrow().verifyWeight(new Percentage(50)))
                .isTrue();
        assertThat(events).last().asString().contains("canary 2, shop 2 of 4 pods (50.00 % of pods");
    }

    @Test
    void shouldPromoteByRollingStableToTheCanaryTemplateThenScaleTheCanaryDown() {
        rollout.deployCandidate(RELEASE);
        rollout.router().orElseThrow().setWeight(Percentage.HUNDRED);
        settle(2);

        rollout.promote(RELEASE);
        assertThat(pollPromoted().state()).isEqualTo(Observation.State.HEALTHY);
        rollout.scaleDownPrevious(RELEASE);

        Deployment stable = stable();
        assertThat(stable.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("reg/shop:2.0.0");
        assertThat(stable.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("track", "stable");
        assertThat(stable.getSpec().getReplicas()).isEqualTo(4);
        assertThat(stable.getMetadata().getAnnotations()).containsEntry(Names.PREVIOUS_REVISION, "1");
        assertThat(canary().getSpec().getReplicas()).isZero();
    }

    @Test
    void shouldFailPromoteWhenStableExceedsItsProgressDeadline() {
        rollout.deployCandidate(RELEASE);
        settle(1);
        // Stable's rolling update to the canary's image never progresses: its new pods crash at start.
        cluster.crashLoop("reg/shop:2.0.0");

        rollout.promote(RELEASE);
        settle(11);

        Observation promoted = rollout.promoted(RELEASE);
        assertThat(promoted.state()).isEqualTo(Observation.State.UNHEALTHY);
        assertThat(promoted.message())
                .contains("did not finish rolling to reg/shop:2.0.0")
                .contains("exceeded its progress deadline");
    }

    @Test
    void shouldRollStableBackToThePreviousRevisionAndRetireTheCanary() {
        rollout.deployCandidate(RELEASE);
        rollout.router().orElseThrow().setWeight(Percentage.HUNDRED);
        settle(2);
        rollout.promote(RELEASE);
        settle(5);

        rollout.rollback(RELEASE);
        rollout.retireCandidate(RELEASE);

        assertThat(stable().getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("reg/shop:1.0.0");
        assertThat(canary().getSpec().getReplicas()).isZero();
        assertThat(stable().getSpec().getReplicas()).isEqualTo(4);
    }

    @Test
    void shouldRefuseAStableDeploymentWithoutATrackLabel() {
        client.apps().deployments().inNamespace(NS).withName("shop").delete();
        create(client, deployment("shop", labels("app", "shop"), "reg/shop:1.0.0", 4));

        assertThatThrownBy(() -> rollout.deployCandidate(RELEASE))
                .isInstanceOf(RolloutFailedException.class)
                .hasMessageContaining("must select track: stable");
    }

    @Test
    void shouldRefuseAServiceThatSelectsOneTrackWhenWeightsAreReplicaCounts() {
        client.services().inNamespace(NS).withName("shop").edit(s -> {
            s.getSpec().getSelector().put("track", "stable");
            return s;
        });

        assertThatThrownBy(() -> rollout.deployCandidate(RELEASE))
                .isInstanceOf(RolloutFailedException.class)
                .hasMessageContaining("must select both tracks");
    }

    @Test
    void shouldReportHealthAndSmokeOfTheCanary() {
        rollout.deployCandidate(RELEASE);

        assertThat(rollout.smokeCheck(RELEASE).state()).isEqualTo(Observation.State.UNHEALTHY);
        settle(1);
        assertThat(rollout.health(RELEASE).state()).isEqualTo(Observation.State.HEALTHY);
        assertThat(rollout.smokeCheck(RELEASE).message()).isEqualTo("1 ready pod(s) of shop-canary run reg/shop:2.0.0");
    }

    private Deployment canary() {
        return client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("shop-canary")
                .get();
    }

    /** Polls promote as the engine does, a simulated minute apart. */
    private Observation pollPromoted() {
        Observation promoted = rollout.promoted(RELEASE);
        for (int poll = 0; poll < 10 && promoted.state() == Observation.State.PROGRESSING; poll++) {
            settle(1);
            promoted = rollout.promoted(RELEASE);
        }
        return promoted;
    }

    private Deployment stable() {
        return client.apps().deployments().inNamespace(NS).withName("shop").get();
    }
}
