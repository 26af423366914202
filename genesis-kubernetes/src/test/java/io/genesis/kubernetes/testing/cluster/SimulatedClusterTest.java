package io.genesis.kubernetes.testing.cluster;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.create;
import static io.genesis.kubernetes.testing.Fixtures.deployment;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.testing.NoRetries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in cluster keeps the promises and the delays of the controllers it models. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class SimulatedClusterTest {

    KubernetesClient client;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private SimulatedCluster cluster;

    @BeforeEach
    void setUp() {
        cluster = new SimulatedCluster(client, NS, clock::instant, Timings.realistic());
    }

    @Test
    void shouldTakeThePodsTimeToBecomeAvailable() {
        create(client, deployment("shop", labels("app", "shop"), "reg/shop:1.0.0", 3));

        advance(Duration.ofSeconds(20));
        assertThat(available()).as("scheduling, pull and probe take 29 s").isZero();

        advance(Duration.ofSeconds(10));
        assertThat(available()).isEqualTo(3);
        assertThat(progressing().getReason()).isEqualTo("NewReplicaSetAvailable");
    }

    @Test
    void shouldNeverGoBelowReplicasMinusMaxUnavailableWhileRolling() {
        create(client, deployment("shop", labels("app", "shop"), "reg/shop:1.0.0", 4));
        advance(Duration.ofMinutes(1));
        List<Integer> availability = new ArrayList<>();
        List<Integer> pods = new ArrayList<>();
        cluster.observe(at -> {
            availability.add(available());
            pods.add(client.pods().inNamespace(NS).list().getItems().size());
        });

        roll("reg/shop:1.1.0", new IntOrString(1), new IntOrString(0));
        advance(Duration.ofMinutes(5));

        assertThat(availability).as("maxUnavailable 0").allMatch(n -> n >= 4);
        assertThat(pods).as("maxSurge 1").allMatch(n -> n <= 5);
        assertThat(image()).isEqualTo("reg/shop:1.1.0");
        assertThat(progressing().getReason()).isEqualTo("NewReplicaSetAvailable");
        assertThat(deploymentNamed().getMetadata().getAnnotations())
                .containsEntry("deployment.kubernetes.io/revision", "2");
    }

    @Test
    void shouldStartNothingWhilePaused() {
        create(client, deployment("shop", labels("app", "shop"), "reg/shop:1.0.0", 2));
        advance(Duration.ofMinutes(1));
        client.apps().deployments().inNamespace(NS).withName("shop").edit(d -> {
            d.getSpec().setPaused(true);
            return d;
        });

        roll("reg/shop:1.1.0", new IntOrString(1), new IntOrString(0));
        advance(Duration.ofMinutes(20));

        assertThat(client.apps().replicaSets().inNamespace(NS).list().getItems())
                .hasSize(1);
        assertThat(progressing().getReason())
                .as("a paused Deployment never times out")
                .isEqualTo("DeploymentPaused");
    }

    @Test
    void shouldRefuseACreateInANamespaceThatDoesNotExistAsTheApiServerDoes() {
        ConfigMap shop = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("shop")
                .endMetadata()
                .build();

        assertThatThrownBy(() -> client.configMaps()
                        .inNamespace("missing")
                        .resource(shop)
                        .create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getStatus().getReason()).isEqualTo("NotFound");
                    assertThat(e.getStatus().getMessage()).isEqualTo("namespaces \"missing\" not found");
                    assertThat(e.getStatus().getDetails().getName()).isEqualTo("missing");
                });
        assertThat(client.configMaps().inNamespace(NS).resource(shop).create())
                .as("the cluster's own namespace exists")
                .isNotNull();
    }

    @Test
    void shouldExceedTheProgressDeadlineWhenPodsCrashLoop() {
        create(client, deployment("shop", labels("app", "shop"), "reg/shop:1.0.0", 2));
        advance(Duration.ofMinutes(1));
        cluster.crashLoop("reg/shop:1.1.0");

        roll("reg/shop:1.1.0", new IntOrString(1), new IntOrString(0));
        advance(Duration.ofMinutes(9));
        assertThat(progressing().getReason()).isEqualTo("ReplicaSetUpdated");

        advance(Duration.ofMinutes(2));
        assertThat(progressing().getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(available()).as("old pods stay").isEqualTo(2);
    }

    @Test
    void shouldReportReplicaFailureWhenTheQuotaRefusesPods() {
        cluster.quota(3);
        create(client, deployment("shop", labels("app", "shop"), "reg/shop:1.0.0", 4));

        advance(Duration.ofMinutes(1));

        assertThat(condition("ReplicaFailure"))
                .hasValueSatisfying(c -> assertThat(c.getMessage()).contains("exceeded quota"));
        assertThat(available()).isEqualTo(3);
    }

    @Test
    void shouldPublishEndpointsAfterThePodsChange() {
        create(client, deployment("shop", labels("app", "shop"), "reg/shop:1.0.0", 2));
        create(client, service("shop", labels("app", "shop")));

        advance(Duration.ofSeconds(29));
        assertThat(available()).isEqualTo(2);
        assertThat(cluster.traffic().readyEndpoints("shop"))
                .as("kube-proxy lags")
                .isEmpty();

        advance(Duration.ofSeconds(2));
        assertThat(cluster.traffic().readyEndpoints("shop")).hasSize(2);
        assertThat(cluster.traffic().serviceShare("shop", "reg/shop:1.0.0")).isEqualTo(1.0);
    }

    private void roll(String image, IntOrString maxSurge, IntOrString maxUnavailable) {
        client.apps().deployments().inNamespace(NS).withName("shop").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
            d.getSpec()
                    .setStrategy(new io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder()
                            .withType("RollingUpdate")
                            .withNewRollingUpdate()
                            .withMaxSurge(maxSurge)
                            .withMaxUnavailable(maxUnavailable)
                            .endRollingUpdate()
                            .build());
            return d;
        });
    }

    private void advance(Duration duration) {
        clock.advance(duration);
        cluster.catchUp();
    }

    private Deployment deploymentNamed() {
        return client.apps().deployments().inNamespace(NS).withName("shop").get();
    }

    private int available() {
        Deployment deployment = deploymentNamed();
        return deployment.getStatus() == null || deployment.getStatus().getAvailableReplicas() == null
                ? 0
                : deployment.getStatus().getAvailableReplicas();
    }

    private String image() {
        return deploymentNamed()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    private DeploymentCondition progressing() {
        return condition("Progressing").orElseThrow();
    }

    private Optional<DeploymentCondition> condition(String type) {
        return deploymentNamed().getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst();
    }
}
