package io.genesis.kubernetes.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.plan.TrafficShift;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.kubernetes.connect.ClientSettings;
import io.genesis.kubernetes.connect.Connection;
import io.genesis.kubernetes.connect.KubernetesClients;
import io.genesis.kubernetes.lock.LeaseFence;
import io.genesis.kubernetes.route.GatewayRouteRouter;
import io.genesis.kubernetes.testing.RealTime;
import io.genesis.kubernetes.testing.Workloads;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every strategy end to end on a real cluster, to success and to rollback (blue-green switch-back,
 * canary abort with 0 % verified, rolling undo): the cluster of the current kubeconfig context, on real
 * time, in a namespace of its own that is deleted afterwards. Runs only with {@code -Preal-cluster}
 * (which sets {@code genesis.realCluster}); docs/kubernetes.md says how to run it on kind. Images
 * are agnhost's (a small HTTP server of Kubernetes' own e2e tests), one tag rolled to another;
 * {@code genesis.realCluster.image}, {@code .from} and {@code .to} change them.
 */
@EnabledIfSystemProperty(named = "genesis.realCluster", matches = "true")
class RealClusterITest {

    private static final String IMAGE =
            System.getProperty("genesis.realCluster.image", "registry.k8s.io/e2e-test-images/agnhost");
    private static final String FROM = System.getProperty("genesis.realCluster.from", "2.52");
    private static final String TO = System.getProperty("genesis.realCluster.to", "2.53");
    private static final Duration PATIENCE = Duration.ofMinutes(15);

    private final String namespace =
            "genesis-e2e-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 20);
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private KubernetesClient client;
    private ExecutorScheduler scheduler;
    private InMemoryHistoryStore history;
    private final InMemoryRolloutStateStore states = new InMemoryRolloutStateStore();
    private final ScriptedMetricSource metrics = new ScriptedMetricSource();
    private Orchestrator engine;

    @BeforeEach
    void setUp() {
        Connection.Kubeconfig kubeconfig =
                Connection.Kubeconfig.standard(System.getenv(), Path.of(System.getProperty("user.home")), "");
        client = KubernetesClients.open(kubeconfig, ClientSettings.DEFAULT);
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .create();
        Clock clock = Clock.systemUTC();
        scheduler = new ExecutorScheduler(clock, e -> messages.add("wake-up failed: " + e));
        history = new InMemoryHistoryStore();
        LeaseFence fence = new LeaseFence();
        engine = Orchestrator.builder()
                .settings(EngineSettings.defaults("real-cluster-test"))
                .clock(clock)
                .scheduler(scheduler)
                .states(states)
                .locks(new KubernetesRolloutLock(client, key -> namespace, fence))
                .history(history)
                .targets(new KubernetesTargetFactory(client, messages::add).fencedBy(fence))
                .metricSources(spec -> metrics)
                .approver(request -> {
                    throw new AssertionError("staging needs no approval: " + request);
                })
                .listener(event -> messages.add(event.message()))
                .ids(RolloutId.sequence("e2e"))
                .build();
    }

    @AfterEach
    void tearDown() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (client != null) {
            client.namespaces().withName(namespace).delete();
            client.close();
        }
    }

    @Test
    void shouldRollOutBlueGreen() throws InterruptedException {
        create(deployment("shop-blue", Map.of("app", "shop", "slot", "blue")));
        create(service(Map.of("app", "shop", "slot", "blue")));

        DeploymentRecord record = run(request("blueGreen", Map.of())
                .shifts(List.of(TrafficShift.of(100, Duration.ofSeconds(20))))
                .keepPrevious(Duration.ofSeconds(30)));

        assertThat(record.status()).as(String.join("\n", messages)).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(client.services()
                        .inNamespace(namespace)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getSelector())
                .containsEntry("slot", "green");
    }

    @Test
    void shouldRollOutACanaryByReplicaRatio() throws InterruptedException {
        create(deployment("shop", Map.of("app", "shop", "track", "stable")));
        create(service(Map.of("app", "shop")));

        DeploymentRecord record = run(request("canary", Map.of("strategy", "canary"))
                .shifts(List.of(TrafficShift.of(25, Duration.ofSeconds(20)), TrafficShift.of(100, Duration.ZERO))));

        assertThat(record.status()).as(String.join("\n", messages)).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(image("shop")).isEqualTo(IMAGE + ":" + TO);
    }

    @Test
    void shouldRollInGatedBatches() throws InterruptedException {
        create(deployment("shop", Map.of("app", "shop")));
        create(service(Map.of("app", "shop")));

        DeploymentRecord record = run(request("custom", Map.of("strategy", "rolling"))
                .customSteps(StepParser.parse("batch 25; analyse 20s; batch 100; promote")));

        assertThat(record.status()).as(String.join("\n", messages)).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("pausing deployment shop"));
        assertThat(image("shop")).isEqualTo(IMAGE + ":" + TO);
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getPaused())
                .isFalse();
    }

    @Test
    void shouldSwitchBlueGreenBackWhenTheAnalysisBreaches() throws InterruptedException {
        create(deployment("shop-blue", Map.of("app", "shop", "slot", "blue")));
        create(service(Map.of("app", "shop", "slot", "blue")));
        metrics.script(window -> BlueGreenEndToEndITest.BREACH);

        DeploymentRecord record = run(request("blueGreen", Map.of())
                .shifts(List.of(TrafficShift.of(100, Duration.ofSeconds(20))))
                .keepPrevious(Duration.ofSeconds(30)));

        assertThat(record.status()).as(String.join("\n", messages)).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("error rate");
        assertThat(record.trafficRestoredAt()).isNotNull();
        assertThat(selector()).containsEntry("slot", "blue");
        assertThat(servedImages("shop"))
                .as("images behind the ready endpoints of the active Service")
                .containsOnly(IMAGE + ":" + FROM);
    }

    @Test
    void shouldAbortAReplicaRatioCanaryAndScaleItAway() throws InterruptedException {
        create(deployment("shop", Map.of("app", "shop", "track", "stable")));
        create(service(Map.of("app", "shop")));
        metrics.script(window -> BlueGreenEndToEndITest.BREACH);

        DeploymentRecord record = run(request("canary", Map.of("strategy", "canary"))
                .shifts(List.of(TrafficShift.of(25, Duration.ofSeconds(20)), TrafficShift.of(100, Duration.ZERO))));

        assertThat(record.status()).as(String.join("\n", messages)).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.trafficRestoredAt()).isNotNull();
        assertThat(image("shop")).isEqualTo(IMAGE + ":" + FROM);
        assertThat(servedImages("shop")).containsOnly(IMAGE + ":" + FROM);
    }

    /**
     * Needs a Gateway API implementation: {@code -Dgenesis.realCluster.gateway=NAMESPACE/NAME} names
     * a Gateway that accepts HTTPRoutes from the test's namespace.
     */
    @Test
    @EnabledIfSystemProperty(named = "genesis.realCluster.gateway", matches = "[^/]+/[^/]+")
    void shouldAbortARoutedCanaryOnlyOnceTheGatewayReportsZero() throws InterruptedException {
        String[] gateway = System.getProperty("genesis.realCluster.gateway").split("/");
        create(deployment("shop", Map.of("app", "shop", "track", "stable")));
        create(service(Map.of("app", "shop", "track", "stable")));
        create(new HTTPRouteBuilder()
                .withNewMetadata()
                .withName("shop")
                .endMetadata()
                .withNewSpec()
                .addNewParentRef()
                .withNamespace(gateway[0])
                .withName(gateway[1])
                .endParentRef()
                .addNewRule()
                .addNewBackendRef()
                .withName("shop")
                .withPort(80)
                .endBackendRef()
                .endRule()
                .endSpec()
                .build());
        metrics.script(window -> BlueGreenEndToEndITest.BREACH);

        DeploymentRecord record = run(request("canary", Map.of("strategy", "canary", "httpRoute", "shop"))
                .shifts(List.of(TrafficShift.of(25, Duration.ofSeconds(20)), TrafficShift.of(100, Duration.ZERO))));

        assertThat(record.status()).as(String.join("\n", messages)).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.trafficRestoredAt()).isNotNull();
        GatewayRouteRouter route = new GatewayRouteRouter(client, namespace, "shop", "shop", "shop-canary", e -> {});
        assertThat(route.weightApplied(Percentage.ZERO).isHealthy())
                .as("setWeight(0) verified from the route's status at its generation: "
                        + route.weightApplied(Percentage.ZERO))
                .isTrue();
        assertThat(Optional.ofNullable(client.apps()
                                .deployments()
                                .inNamespace(namespace)
                                .withName("shop-canary")
                                .get())
                        .map(d -> d.getSpec().getReplicas())
                        .orElse(0))
                .as("canary scaled away after the scale-down delay")
                .isZero();
    }

    @Test
    void shouldUndoAGatedRollingUpdateWhenTheAnalysisBreaches() throws InterruptedException {
        create(deployment("shop", Map.of("app", "shop")));
        create(service(Map.of("app", "shop")));
        metrics.script(window -> BlueGreenEndToEndITest.BREACH);

        DeploymentRecord record = run(request("custom", Map.of("strategy", "rolling"))
                .customSteps(StepParser.parse("batch 25; analyse 20s; batch 100; promote")));

        assertThat(record.status()).as(String.join("\n", messages)).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.trafficRestoredAt()).isNotNull();
        Deployment shop = client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName("shop")
                .get();
        assertThat(Workloads.image(shop)).isEqualTo(IMAGE + ":" + FROM);
        assertThat(shop.getSpec().getPaused()).as("the held batch resumed").isNotEqualTo(Boolean.TRUE);
        assertThat(shop.getStatus().getUpdatedReplicas()).isEqualTo(4);
        assertThat(shop.getStatus().getAvailableReplicas()).isEqualTo(4);
        assertThat(servedImages("shop")).containsOnly(IMAGE + ":" + FROM);
    }

    private Map<String, String> selector() {
        return client.services()
                .inNamespace(namespace)
                .withName("shop")
                .get()
                .getSpec()
                .getSelector();
    }

    /** The images of the pods behind Service {@code service}'s ready endpoints, as kube-proxy routes. */
    private List<String> servedImages(String service) {
        return client
                .discovery()
                .v1()
                .endpointSlices()
                .inNamespace(namespace)
                .withLabel("kubernetes.io/service-name", service)
                .list()
                .getItems()
                .stream()
                .flatMap(slice -> slice.getEndpoints().stream())
                .filter(e -> Boolean.TRUE.equals(e.getConditions().getReady()) && e.getTargetRef() != null)
                .map(e -> client.pods()
                        .inNamespace(namespace)
                        .withName(e.getTargetRef().getName())
                        .get())
                .filter(java.util.Objects::nonNull)
                .map(pod -> pod.getSpec().getContainers().get(0).getImage())
                .toList();
    }

    private RolloutRequest.Builder request(String strategy, Map<String, String> extra) {
        Map<String, String> settings =
                new HashMap<>(Map.of("namespace", namespace, "deployment", "shop", "image", IMAGE + ":" + TO));
        settings.putAll(extra);
        return RolloutRequest.builder("shop", Environments.defaults().named("staging"))
                .commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")
                .ref(SourceRef.branch("main"))
                .version(new Version(TO))
                .strategy(strategy)
                .target(new TargetSpec(KubernetesTargetFactory.KIND, settings))
                .metrics(MetricSpec.of("scripted"))
                .initiator("e2e");
    }

    private DeploymentRecord run(RolloutRequest.Builder request) throws InterruptedException {
        RolloutId id = engine.submit(request.build());
        // Settled includes the clean-up after success (the kept previous version scaled down).
        Optional<DeploymentRecord> ended = RealTime.await(
                () -> history.find(id.value())
                        .filter(record ->
                                states.load(id).map(RolloutState::settled).orElse(false)),
                PATIENCE);
        if (ended.isPresent()) {
            return ended.get();
        }
        throw new AssertionError(
                "rollout " + id + " did not end within " + PATIENCE + ":\n" + String.join("\n", messages));
    }

    private String image(String deployment) {
        return Workloads.image(client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(deployment)
                .get());
    }

    private void create(HasMetadata object) {
        client.resource(object).inNamespace(namespace).create();
    }

    private Deployment deployment(String name, Map<String, String> labels) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withReplicas(4)
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage(IMAGE + ":" + FROM)
                .withArgs("netexec", "--http-port=8080")
                .addNewPort()
                .withContainerPort(8080)
                .endPort()
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath("/")
                .withPort(new IntOrString(8080))
                .endHttpGet()
                .endReadinessProbe()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Service service(Map<String, String> selector) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName("shop")
                .endMetadata()
                .withNewSpec()
                .withSelector(selector)
                .addNewPort()
                .withName("http")
                .withPort(80)
                .withTargetPort(new IntOrString(8080))
                .endPort()
                .endSpec()
                .build();
    }
}
