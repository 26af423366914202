package io.genesis.kubernetes.strategy;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.core.policy.Percentage;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.api.Problem;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.RequestLog;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import io.genesis.kubernetes.workload.Progress;
import io.genesis.kubernetes.workload.Workloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class RollingRolloutTest {

    private static final Release RELEASE = new Release("r-9", "1.3.0", "reg/shop:1.3.0");

    KubernetesMockServer server;
    KubernetesClient client;

    private final List<String> events = new ArrayList<>();
    private final ManualClock clock = new ManualClock(EngineOnCluster.T0);
    private SimulatedCluster cluster;
    private RollingRollout rollout;

    /** On the simulated cluster (realistic timings, injected clock), as kubectl rollout undo meets a real one. */
    @BeforeEach
    void setUp() {
        createRolling(client, "reg/shop:1.2.0", 4);
        cluster = SimulatedCluster.settled(client, NS, clock, Timings.realistic());
        rollout = new RollingRollout(client, Application.of(NS, "shop"), events::add);
    }

    /** Lets the cluster's controllers run for {@code minutes} simulated minutes. */
    private void settle(int minutes) {
        clock.advance(Duration.ofMinutes(minutes));
        cluster.catchUp();
    }

    private void settle() {
        settle(5);
    }

    @Test
    void shouldSetImageBoundsAndPreviousRevisionInOnePatch() {
        RequestLog.clear();

        rollout.deployCandidate(RELEASE);

        assertThat(RequestLog.requests())
                .containsExactly(
                        "GET /apis/apps/v1/namespaces/test/deployments/shop",
                        "PATCH /apis/apps/v1/namespaces/test/deployments/shop");
        Deployment shop = shop();
        assertThat(shop.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("reg/shop:1.3.0");
        assertThat(shop.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getStrVal())
                .isEqualTo("25%");
        assertThat(shop.getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getStrVal())
                .isEqualTo("0%");
        assertThat(shop.getMetadata().getAnnotations())
                .containsEntry(Names.PREVIOUS_REVISION, "1")
                .containsEntry(Names.ROLLOUT, "r-9");
    }

    @Test
    void shouldFollowTheRolloutWithAWatchUntilItCompletes() {
        rollout.deployCandidate(RELEASE);
        settle();

        Progress progress = rollout.await(Duration.ofSeconds(5));

        assertThat(progress.state()).isEqualTo(Progress.State.COMPLETE);
        assertThat(rollout.health(RELEASE).state()).isEqualTo(Observation.State.HEALTHY);
        assertThat(rollout.smokeCheck(RELEASE).state()).isEqualTo(Observation.State.HEALTHY);
    }

    @Test
    void shouldReportAnExceededProgressDeadlineAsUnhealthy() {
        // The new image crash-loops: no progress for progressDeadlineSeconds (600) and the controller says so.
        cluster.crashLoop("reg/shop:1.3.0");
        rollout.deployCandidate(RELEASE);
        settle(11);

        Observation health = rollout.health(RELEASE);

        assertThat(health.state()).isEqualTo(Observation.State.UNHEALTHY);
        assertThat(health.message())
                .contains("exceeded its progress deadline of 600 s")
                .contains("roll back");
        assertThatThrownBy(() -> rollout.promote(RELEASE)).hasMessageContaining("cannot promote");
    }

    @Test
    void shouldRollBackToThePodTemplateOfThePreviousRevision() {
        rollout.deployCandidate(RELEASE);
        settle();

        rollout.rollback(RELEASE);
        settle();

        Deployment shop = shop();
        assertThat(shop.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("reg/shop:1.2.0");
        assertThat(shop.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey(Names.POD_TEMPLATE_HASH);
        assertThat(shop.getMetadata().getAnnotations()).containsEntry(Names.REVISION, "3");
    }

    @Test
    void shouldRollBackOnlyOnceWhenAskedAgainAfterTheControllerRenumberedTheRevision() {
        rollout.deployCandidate(RELEASE);
        settle();
        rollout.rollback(RELEASE);
        settle();

        rollout.rollback(RELEASE);
        settle();

        Deployment shop = shop();
        assertThat(shop.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("reg/shop:1.2.0");
        assertThat(shop.getMetadata().getAnnotations())
                .containsEntry(Names.REVISION, "3")
                .containsEntry(Names.ROLLED_BACK, RELEASE.rolloutId());
    }

    @Test
    void shouldChangeNothingWhenTheSameReleaseRollsAgain() {
        rollout.deployCandidate(RELEASE);
        RequestLog.clear();

        rollout.rollTo(RELEASE, new Percentage(50), Percentage.ZERO);

        assertThat(RequestLog.requests()).singleElement().asString().startsWith("GET ");
    }

    @Test
    void shouldStopAndReportWhenTheApiFailsMidRollout() {
        server.expect()
                .patch()
                .withPath("/apis/apps/v1/namespaces/test/deployments/shop")
                .andReturn(503, "{\"kind\":\"Status\",\"message\":\"etcdserver: request timed out\"}")
                .once();

        assertThatThrownBy(() -> rollout.deployCandidate(RELEASE))
                .isInstanceOfSatisfying(KubernetesApiException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNAVAILABLE);
                    assertThat(e.problem().isTransient()).isTrue();
                })
                .hasMessageContaining("patch deployments.apps 'shop' in namespace 'test' (HTTP 503")
                .hasMessageContaining("a rollout that had started stops changing the cluster");
        assertThat(image()).isEqualTo("reg/shop:1.2.0");
    }

    @Test
    void shouldRefuseToRollBackWithoutAKnownPreviousRevision() {
        client.apps().deployments().inNamespace(NS).withName("shop").edit(d -> {
            d.getMetadata().getAnnotations().put(Names.ROLLOUT, "r-9");
            return d;
        });

        assertThatThrownBy(() -> rollout.rollback(RELEASE))
                .isInstanceOf(RolloutFailedException.class)
                .hasMessageContaining("roll back by hand with kubectl rollout undo");
    }

    @Test
    void shouldRefuseToUndoADeploymentPausedByHandAsKubectlDoes() {
        rollout.deployCandidate(RELEASE);
        settle();
        client.apps().deployments().inNamespace(NS).withName("shop").edit(d -> {
            d.getMetadata().getAnnotations().remove(Names.BATCH);
            d.getSpec().setPaused(true);
            return d;
        });

        assertThatThrownBy(() -> rollout.rollback(RELEASE))
                .hasMessageContaining("deployment shop is paused")
                .hasMessageContaining("kubectl rollout resume deployment/shop");
        assertThat(image()).isEqualTo("reg/shop:1.3.0");
    }

    @Test
    void shouldResumeADeploymentItPausedBetweenBatchesWithTheUndo() {
        rollout.rollTo(RELEASE, new Percentage(25), new Percentage(25), Percentage.ZERO);
        settle();
        rollout.health(RELEASE);
        assertThat(shop().getSpec().getPaused())
                .as("held at the end of the batch")
                .isTrue();

        rollout.rollback(RELEASE);

        assertThat(shop().getSpec().getPaused()).isFalse();
        assertThat(image()).isEqualTo("reg/shop:1.2.0");
    }

    @Test
    void shouldRestoreTheChangeCauseOfTheRevisionItUndoesTo() {
        client.apps()
                .replicaSets()
                .inNamespace(NS)
                .list()
                .getItems()
                .forEach(rs -> client.apps()
                        .replicaSets()
                        .inNamespace(NS)
                        .withName(rs.getMetadata().getName())
                        .edit(r -> {
                            r.getMetadata().getAnnotations().put(Names.CHANGE_CAUSE, "deploy 1.2.0 (ticket 42)");
                            return r;
                        }));
        rollout.deployCandidate(RELEASE);
        settle();

        rollout.rollback(RELEASE);

        assertThat(shop().getMetadata().getAnnotations()).containsEntry(Names.CHANGE_CAUSE, "deploy 1.2.0 (ticket 42)");
    }

    @Test
    void shouldNotWriteATemplateThatAlreadyMatchesTheRevision() {
        Deployment before = shop();
        long revision = Workloads.revision(before);
        Workloads workloads = new Workloads(client, NS);
        RequestLog.clear();

        workloads.undoTo("shop", revision);

        assertThat(RequestLog.requests()).noneMatch(r -> r.startsWith("PATCH"));
        assertThat(shop().getMetadata().getGeneration())
                .isEqualTo(before.getMetadata().getGeneration());
    }

    @Test
    void shouldTakeADeploymentWhoseCreateAnswerWasLostAsCreatedOnlyWhenItCarriesTheRollout() {
        Workloads workloads = new Workloads(client, NS);
        Deployment copy = shop();
        copy.getMetadata().setName("shop-copy");
        copy.getMetadata().setResourceVersion(null);
        copy.getMetadata().setUid(null);
        copy.getMetadata().getAnnotations().put(Names.ROLLOUT, "r-9");
        workloads.create(copy);

        // The same create again, as after a timeout whose request had been applied: 409 AlreadyExists.
        assertThat(workloads.create(copy).getMetadata().getName()).isEqualTo("shop-copy");
        copy.getMetadata().getAnnotations().put(Names.ROLLOUT, "r-10");
        assertThatThrownBy(() -> workloads.create(copy))
                .isInstanceOfSatisfying(
                        KubernetesApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
    }

    @Test
    void shouldRefuseARecreateDeploymentInsteadOfSwitchingItToRollingUpdate() {
        client.apps().deployments().inNamespace(NS).withName("shop").edit(d -> {
            d.getSpec()
                    .setStrategy(
                            new DeploymentStrategyBuilder().withType("Recreate").build());
            return d;
        });

        assertThatThrownBy(() -> rollout.deployCandidate(RELEASE))
                .isInstanceOf(RolloutFailedException.class)
                .hasMessageContaining("uses strategy Recreate")
                .hasMessageContaining("nothing was written");
        assertThat(shop().getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(image()).isEqualTo("reg/shop:1.2.0");
    }

    @ParameterizedTest
    @CsvSource({"25, 25%", "0, 0%", "100, 100%", "33.3, 34%"})
    void shouldWriteBoundsAsDeploymentPercentages(double share, String expected) {
        assertThat(RollingRollout.percent(new Percentage(share))).isEqualTo(expected);
    }

    private String image() {
        return shop().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private Deployment shop() {
        return client.apps().deployments().inNamespace(NS).withName("shop").get();
    }
}
