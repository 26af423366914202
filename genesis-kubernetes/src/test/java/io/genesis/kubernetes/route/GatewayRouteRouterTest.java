package io.genesis.kubernetes.route;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.core.policy.Percentage;
import io.genesis.core.target.Health;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Problem;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.Fixtures;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.RequestLog;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class GatewayRouteRouterTest {

    KubernetesMockServer server;
    KubernetesClient client;

    private final List<String> events = new ArrayList<>();
    private GatewayRouteRouter router;

    @BeforeEach
    void setUp() {
        client.resources(HTTPRoute.class)
                .inNamespace(NS)
                .resource(new HTTPRouteBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .withNamespace(NS)
                        .endMetadata()
                        .withNewSpec()
                        .addNewParentRef()
                        .withName("public")
                        .endParentRef()
                        .addNewRule()
                        .addNewBackendRef()
                        .withName("shop")
                        .withPort(80)
                        .endBackendRef()
                        .endRule()
                        .endSpec()
                        .build())
                .create();
        router = new GatewayRouteRouter(client, NS, "shop", "shop", "shop-preview", events::add);
    }

    @Test
    void shouldAddTheCandidateBackendAndSplitWeightsInHundredthsOfAPercent() {
        router.setWeight(new Percentage(10));

        List<HTTPBackendRef> refs = route().getSpec().getRules().get(0).getBackendRefs();
        assertThat(refs)
                .extracting(HTTPBackendRef::getName, HTTPBackendRef::getWeight, HTTPBackendRef::getPort)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shop", 9000, 80),
                        org.assertj.core.groups.Tuple.tuple("shop-preview", 1000, 80));
        assertThat(events).singleElement().asString().contains("shop-preview weight 1000, shop weight 9000");
    }

    @Test
    void shouldVerifyOnlyOnceTheGatewayAcceptedTheCurrentGeneration() {
        router.setWeight(new Percentage(50));

        boolean beforeAccepted = router.verifyWeight(new Percentage(50));
        accept(route().getMetadata().getGeneration());

        assertThat(beforeAccepted).isFalse();
        assertThat(router.verifyWeight(new Percentage(50))).isTrue();
        assertThat(router.verifyWeight(new Percentage(10))).isFalse();
    }

    @Test
    void shouldNotVerifyAWeightAcceptedForAnOlderGeneration() {
        router.setWeight(new Percentage(10));
        accept(route().getMetadata().getGeneration());
        router.setWeight(new Percentage(50));

        assertThat(router.verifyWeight(new Percentage(50))).isFalse();
    }

    @Test
    void shouldWriteNothingWhenTheWeightIsAlreadySet() {
        router.setWeight(new Percentage(50));
        RequestLog.clear();

        router.setWeight(new Percentage(50));

        assertThat(RequestLog.requests()).singleElement().asString().startsWith("GET ");
    }

    @Test
    void shouldReReadAndRetryWhenTheRouteChangedUnderneath() {
        server.expect()
                .put()
                .withPath("/apis/gateway.networking.k8s.io/v1/namespaces/test/httproutes/shop")
                .andReturn(409, "{\"kind\":\"Status\",\"message\":\"the object has been modified\"}")
                .once();

        router.setWeight(new Percentage(50));

        assertThat(route().getSpec().getRules().get(0).getBackendRefs())
                .extracting(HTTPBackendRef::getWeight)
                .containsExactly(5000, 5000);
    }

    @Test
    void shouldSayWhatToAddWhenNoRuleSendsTrafficToStable() {
        GatewayRouteRouter other = new GatewayRouteRouter(client, NS, "shop", "cart", "cart-canary", events::add);

        assertThatThrownBy(() -> other.setWeight(new Percentage(10)))
                .isInstanceOfSatisfying(
                        KubernetesApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID))
                .hasMessageContaining("has no rule with a backendRef to Service 'cart'");
    }

    @Test
    void shouldSayWhichRouteIsMissing() {
        GatewayRouteRouter other = new GatewayRouteRouter(client, NS, "nope", "shop", "shop-preview", events::add);

        assertThatThrownBy(() -> other.setWeight(new Percentage(10)))
                .hasMessageContaining("get httproutes.gateway.networking.k8s.io 'nope' in namespace 'test'")
                .hasMessageContaining("HTTPRoute 'nope' does not exist");
    }

    @Test
    void shouldRefuseTheSameServiceForStableAndCandidate() {
        assertThatThrownBy(() -> new GatewayRouteRouter(client, NS, "shop", "shop", "shop", events::add))
                .hasMessageContaining("must differ");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "5, 500", "12.5, 1250", "33.333, 3333", "100, 10000"})
    void shouldTurnPercentagesIntoBackendWeights(double percent, int weight) {
        assertThat(GatewayRouteRouter.candidateWeight(new Percentage(percent))).isEqualTo(weight);
    }

    private HTTPRoute route() {
        return client.resources(HTTPRoute.class)
                .inNamespace(NS)
                .withName("shop")
                .get();
    }

    private void accept(long generation) {
        report(generation, "public", null, "True");
    }

    /** Gateway {@code gateway} (in {@code namespace}, null for the route's) reports the route with ResolvedRefs {@code resolved}. */
    private void report(long generation, String gateway, String namespace, String resolved) {
        client.resources(HTTPRoute.class).inNamespace(NS).withName("shop").editStatus(r -> {
            r.setStatus(new io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatusBuilder()
                    .withParents(new RouteParentStatusBuilder()
                            .withControllerName("example.com/gateway")
                            .withNewParentRef()
                            .withName(gateway)
                            .withNamespace(namespace)
                            .endParentRef()
                            .withConditions(
                                    new ConditionBuilder()
                                            .withType("Accepted")
                                            .withStatus("True")
                                            .withReason("Accepted")
                                            .withObservedGeneration(generation)
                                            .build(),
                                    new ConditionBuilder()
                                            .withType("ResolvedRefs")
                                            .withStatus(resolved)
                                            .withReason("True".equals(resolved) ? "ResolvedRefs" : "BackendNotFound")
                                            .withMessage("Service shop-preview")
                                            .withObservedGeneration(generation)
                                            .build())
                            .build())
                    .build());
            return r;
        });
    }

    @Test
    void shouldNotVerifyWhileABackendDoesNotResolve() {
        router.setWeight(new Percentage(50));
        report(route().getMetadata().getGeneration(), "public", null, "False");

        assertThat(router.verifyWeight(new Percentage(50))).isFalse();
        assertThat(GatewayRouteRouter.notInEffect(route()))
                .hasValueSatisfying(
                        why -> assertThat(why).contains("ResolvedRefs=False").contains("BackendNotFound"));
    }

    @Test
    void shouldSayWhichGatewayReportsWhatAndWhichBackendRefNamesAMissingService() {
        createService("shop");
        router.setWeight(new Percentage(50));
        report(route().getMetadata().getGeneration(), "public", null, "False");

        Health applied = router.weightApplied(new Percentage(50));

        assertThat(applied.state()).isEqualTo(Health.State.PROGRESSING);
        assertThat(applied.message())
                .isEqualTo("HTTPRoute test/shop: gateway test/public reports ResolvedRefs=False (BackendNotFound:"
                        + " Service shop-preview); backendRef shop-preview names a Service that does not exist in"
                        + " namespace test, so its share of the traffic gets HTTP 500: create that Service again (a"
                        + " deploy recreates the candidate's) or remove that backendRef from the route");
    }

    @Test
    void shouldNameEveryBackendRefWhoseServiceIsMissing() {
        router.setWeight(new Percentage(50));
        report(route().getMetadata().getGeneration(), "public", null, "False");

        assertThat(router.weightApplied(new Percentage(50)).message())
                .endsWith("; backendRefs shop, shop-preview name Services that do not exist in namespace test, so"
                        + " their share of the traffic gets HTTP 500: create them again or remove those backendRefs"
                        + " from the route");
    }

    @Test
    void shouldSayWhichGatewayHasNotReportedTheGenerationYet() {
        createService("shop");
        createService("shop-preview");
        router.setWeight(new Percentage(50));

        assertThat(router.weightApplied(new Percentage(50)).message())
                .isEqualTo("HTTPRoute test/shop: gateway test/public has not reported on it yet");
        accept(route().getMetadata().getGeneration() - 1);
        assertThat(router.weightApplied(new Percentage(50)).message())
                .isEqualTo("HTTPRoute test/shop: gateway test/public has not reported Accepted for generation "
                        + route().getMetadata().getGeneration());
    }

    @Test
    void shouldCountZeroAppliedWhenOnlyTheCandidatesMissingServiceDoesNotResolve() {
        createService("shop");
        router.setWeight(Percentage.ZERO);
        report(route().getMetadata().getGeneration(), "public", null, "False");

        Health applied = router.weightApplied(Percentage.ZERO);

        assertThat(applied.isHealthy()).as(applied.toString()).isTrue();
        assertThat(events)
                .last()
                .asString()
                .contains("backendRef shop-preview names a Service that does not exist; it carries weight 0");
    }

    @Test
    void shouldNeverCountZeroAppliedWhenStablesServiceIsMissing() {
        createService("shop-preview");
        router.setWeight(Percentage.ZERO);
        report(route().getMetadata().getGeneration(), "public", null, "False");

        Health applied = router.weightApplied(Percentage.ZERO);

        assertThat(applied.state()).isEqualTo(Health.State.PROGRESSING);
        assertThat(applied.message())
                .contains("backendRef shop names a Service that does not exist in namespace test")
                .contains("create that Service again or remove that backendRef from the route");
    }

    @Test
    void shouldVerifyOnTheSimulatedGatewayOnlyOnceItReportedTheGeneration() {
        createService("shop");
        createService("shop-preview");
        ManualClock clock = new ManualClock(EngineOnCluster.T0);
        SimulatedCluster cluster = SimulatedCluster.settled(client, NS, clock, Timings.realistic());
        router.setWeight(new Percentage(50));
        cluster.catchUp();

        Health written = router.weightApplied(new Percentage(50));
        clock.advance(Timings.realistic().gateway());
        cluster.catchUp();

        assertThat(written.message()).contains("has not reported Accepted for generation");
        assertThat(router.weightApplied(new Percentage(50)).isHealthy()).isTrue();
        assertThat(cluster.traffic().programmedWeights("shop"))
                .containsEntry("shop", 5000)
                .containsEntry("shop-preview", 5000);
    }

    private void createService(String name) {
        client.services()
                .inNamespace(NS)
                .resource(Fixtures.service(name, Map.of("app", "shop")))
                .create();
    }

    @Test
    void shouldWaitForEveryParentRefOfTheSpecNotOnlyThoseThatReported() {
        client.resources(HTTPRoute.class).inNamespace(NS).withName("shop").edit(r -> {
            r.getSpec()
                    .getParentRefs()
                    .add(new io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder()
                            .withName("internal")
                            .withNamespace("infra")
                            .build());
            return r;
        });
        router.setWeight(new Percentage(50));
        accept(route().getMetadata().getGeneration());

        assertThat(router.verifyWeight(new Percentage(50))).isFalse();
        assertThat(GatewayRouteRouter.notInEffect(route()))
                .contains("gateway infra/internal has not reported on it yet");
    }

    @Test
    void shouldMatchTheParentRefsNamespace() {
        router.setWeight(new Percentage(50));
        report(route().getMetadata().getGeneration(), "public", "elsewhere", "True");

        assertThat(router.verifyWeight(new Percentage(50)))
                .as("a gateway of the same name in another namespace")
                .isFalse();
        report(route().getMetadata().getGeneration(), "public", NS, "True");
        assertThat(router.verifyWeight(new Percentage(50))).isTrue();
    }

    @Test
    void shouldRefuseARuleThatAlsoSendsTrafficToAnotherBackend() {
        client.resources(HTTPRoute.class).inNamespace(NS).withName("shop").edit(r -> {
            r.getSpec()
                    .getRules()
                    .get(0)
                    .getBackendRefs()
                    .add(new io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder()
                            .withName("shop-legacy")
                            .withPort(80)
                            .withWeight(500)
                            .build());
            return r;
        });

        assertThatThrownBy(() -> router.setWeight(new Percentage(10)))
                .hasMessageContaining("also sends it to backend 'shop-legacy' (weight 500)")
                .hasMessageContaining("set that backend's weight to 0");
    }
}
