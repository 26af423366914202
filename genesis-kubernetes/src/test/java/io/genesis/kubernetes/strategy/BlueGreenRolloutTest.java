package io.genesis.kubernetes.strategy;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.api.Problem;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.RequestLog;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class BlueGreenRolloutTest {

    private static final Release RELEASE = new Release("r-2", "1.1.0", "reg/shop:1.1.0");

    KubernetesMockServer server;
    KubernetesClient client;

    private final List<String> events = new ArrayList<>();
    private final ManualClock clock = new ManualClock(EngineOnCluster.T0);
    private SimulatedCluster cluster;
    private BlueGreenRollout rollout;

    /** On the simulated cluster (realistic timings, the test's clock): blue's 3 pods ready before each test. */
    @BeforeEach
    void setUp() {
        createBlueGreen(client, 3);
        cluster = SimulatedCluster.settled(client, NS, clock, Timings.realistic());
        Application app = Application.of(NS, "shop");
        rollout = new BlueGreenRollout(client, app, BlueGreenRollout.Layout.defaults(app), events::add);
    }

    @Test
    void shouldDeployTheCandidateToTheIdleSlotBesideThePreviewService() {
        rollout.deployCandidate(RELEASE);

        Deployment green = client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("shop-green")
                .get();
        assertThat(green.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("reg/shop:1.1.0");
        assertThat(green.getSpec().getSelector().getMatchLabels()).containsEntry("slot", "green");
        assertThat(green.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("slot", "green");
        assertThat(green.getSpec().getReplicas()).isEqualTo(3);
        assertThat(green.getMetadata().getAnnotations()).containsEntry(Names.ROLLOUT, "r-2");
        assertThat(client.services()
                        .inNamespace(NS)
                        .withName("shop-preview")
                        .get()
                        .getSpec()
                        .getSelector())
                .containsEntry("slot", "green");
        assertThat(activeSlot()).isEqualTo("blue");
    }

    @Test
    void shouldLabelDerivedObjectsWithTheirSelectorAndAsGenesisOnlyNotWithArgoCdsInstance() {
        client.apps().deployments().inNamespace(NS).withName("shop-blue").edit(d -> {
            d.getMetadata().getLabels().put("app.kubernetes.io/instance", "shop-production");
            return d;
        });
        client.services().inNamespace(NS).withName("shop").edit(service -> {
            service.getMetadata().setLabels(Map.of("app.kubernetes.io/instance", "shop-production"));
            return service;
        });

        rollout.deployCandidate(RELEASE);

        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-green")
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("app", "shop", "slot", "green", Names.MANAGED_BY, "genesis"));
        assertThat(client.services()
                        .inNamespace(NS)
                        .withName("shop-preview")
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("app", "shop", "slot", "green", Names.MANAGED_BY, "genesis"));
    }

    @Test
    void shouldReportProgressUntilTheControllerFinishesThenPassTheSmokeCheck() {
        rollout.deployCandidate(RELEASE);

        Observation before = rollout.health(RELEASE);
        settle();
        Observation after = rollout.health(RELEASE);

        assertThat(before.state()).isEqualTo(Observation.State.PROGRESSING);
        assertThat(after.state()).isEqualTo(Observation.State.HEALTHY);
        assertThat(rollout.smokeCheck(RELEASE))
                .extracting(Observation::state, Observation::message)
                .containsExactly(
                        Observation.State.HEALTHY,
                        "preview Service shop-preview reaches 3 ready pod(s) of slot green running reg/shop:1.1.0");
    }

    @Test
    void shouldFailTheSmokeCheckWhileNoPodIsReady() {
        rollout.deployCandidate(RELEASE);

        assertThat(rollout.smokeCheck(RELEASE).state()).isEqualTo(Observation.State.UNHEALTHY);
    }

    @Test
    void shouldChangeNothingWhenTheCandidateIsDeployedTwice() {
        rollout.deployCandidate(RELEASE);
        String version = client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("shop-green")
                .get()
                .getMetadata()
                .getResourceVersion();
        RequestLog.clear();

        rollout.deployCandidate(RELEASE);
        List<String> requests = RequestLog.requests();

        assertThat(requests).allMatch(r -> r.startsWith("GET ")).hasSize(4);
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-green")
                        .get()
                        .getMetadata()
                        .getResourceVersion())
                .isEqualTo(version);
    }

    @Test
    void shouldSwitchTheActiveServiceInOnePatchAndKeepThePreviousSlot() {
        rollout.deployCandidate(RELEASE);
        settle();

        rollout.promote(RELEASE);

        assertThat(activeSlot()).isEqualTo("green");
        assertThat(client.services()
                        .inNamespace(NS)
                        .withName("shop")
                        .get()
                        .getMetadata()
                        .getAnnotations())
                .containsEntry(Names.PREVIOUS_SLOT, "blue");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-blue")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isEqualTo(3);
        assertThat(events).anyMatch(e -> e.contains("switched from slot blue to green in one patch"));
    }

    @Test
    void shouldScaleThePreviousSlotDownOnlyAfterPromote() {
        rollout.deployCandidate(RELEASE);
        settle();

        assertThatThrownBy(() -> rollout.scaleDownPrevious(RELEASE))
                .isInstanceOf(RolloutFailedException.class)
                .hasMessageContaining("promote the candidate before scaling shop-blue down");
        rollout.promote(RELEASE);
        rollout.scaleDownPrevious(RELEASE);

        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-blue")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isZero();
    }

    @Test
    void shouldSwitchBackToThePreviousSlotOnRollbackAfterPromote() {
        rollout.deployCandidate(RELEASE);
        settle();
        rollout.promote(RELEASE);

        rollout.rollback(RELEASE);

        assertThat(activeSlot()).isEqualTo("blue");
        assertThat(greenReplicas()).as("scaled down only when retired").isPositive();
        rollout.retireCandidate(RELEASE);
        rollout.retireCandidate(RELEASE);
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-green")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isZero();
    }

    @Test
    void shouldRefuseToRetireTheSlotThatStillServesUsers() {
        rollout.deployCandidate(RELEASE);
        settle();
        rollout.promote(RELEASE);

        assertThatThrownBy(() -> rollout.retireCandidate(RELEASE))
                .hasMessageContaining("still selects candidate slot green: roll back before retiring it");
        assertThat(greenReplicas()).isPositive();
    }

    /** Lets the cluster's controllers run for a simulated minute: a slot's pods take 29 s to turn ready. */
    private void settle() {
        cluster.elapse(Duration.ofMinutes(1));
    }

    private int greenReplicas() {
        return client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("shop-green")
                .get()
                .getSpec()
                .getReplicas();
    }

    @Test
    void shouldRetireTheCandidateOnRollbackBeforePromote() {
        rollout.deployCandidate(RELEASE);

        rollout.rollback(RELEASE);
        rollout.retireCandidate(RELEASE);

        assertThat(activeSlot()).isEqualTo("blue");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-green")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isZero();
    }

    @Test
    void shouldScaleThePreviousSlotUpAndRefuseToSwitchUntilItIsFullyAvailable() {
        rollout.deployCandidate(RELEASE);
        settle();
        rollout.promote(RELEASE);
        rollout.scaleDownPrevious(RELEASE);
        settle();

        Observation preparing = rollout.prepareRollback(RELEASE);

        assertThat(preparing.state()).isEqualTo(Observation.State.PROGRESSING);
        assertThat(preparing.message()).startsWith("previous slot blue: deployment shop-blue");
        assertThatThrownBy(() -> rollout.rollback(RELEASE))
                .isInstanceOf(RolloutFailedException.class)
                .hasMessageContaining("previous slot blue is not fully available");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-blue")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isEqualTo(3);
        assertThat(activeSlot()).isEqualTo("green");
        settle();
        assertThat(rollout.prepareRollback(RELEASE).state()).isEqualTo(Observation.State.HEALTHY);
        rollout.rollback(RELEASE);
        assertThat(activeSlot()).isEqualTo("blue");
    }

    @Test
    void shouldDoNothingOnRollbackWhenNoCandidateWasDeployed() {
        rollout.rollback(RELEASE);

        assertThat(activeSlot()).isEqualTo("blue");
        assertThat(events).singleElement().asString().contains("nothing to roll back");
    }

    @Test
    void shouldSayWhichServiceIsMissing() {
        client.services().inNamespace(NS).withName("shop").delete();

        assertThatThrownBy(() -> rollout.deployCandidate(RELEASE))
                .isInstanceOfSatisfying(
                        KubernetesApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND))
                .hasMessageContaining("get services 'shop' in namespace 'test'")
                .hasMessageContaining("create services 'shop' in namespace 'test'");
    }

    @Test
    void shouldAskForASlotSelectorWhenTheActiveServiceHasNone() {
        client.services().inNamespace(NS).withName("shop").edit(s -> {
            s.getSpec().getSelector().remove("slot");
            return s;
        });

        assertThatThrownBy(() -> rollout.deployCandidate(RELEASE))
                .isInstanceOf(RolloutFailedException.class)
                .hasMessageContaining("selects no slot: set its selector to app: shop, slot: blue");
    }

    @Test
    void shouldReportNoCandidateForAnUnknownRollout() {
        rollout.deployCandidate(RELEASE);
        Release other = new Release("r-3", "1.2.0", "reg/shop:1.2.0");

        assertThat(rollout.health(other).state()).isEqualTo(Observation.State.UNHEALTHY);
        assertThat(rollout.smokeCheck(other).state()).isEqualTo(Observation.State.UNHEALTHY);
        assertThatThrownBy(() -> rollout.promote(other)).hasMessageContaining("carries rollout r-3");
    }

    private String activeSlot() {
        return client.services()
                .inNamespace(NS)
                .withName("shop")
                .get()
                .getSpec()
                .getSelector()
                .get("slot");
    }
}
