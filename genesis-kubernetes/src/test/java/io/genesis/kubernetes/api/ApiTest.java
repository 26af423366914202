package io.genesis.kubernetes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@EnableKubernetesMockClient(https = false, kubernetesClientBuilderCustomizer = NoRetries.class)
class ApiTest {

    private static final String PATH = "/apis/apps/v1/namespaces/prod/deployments/shop";
    private static final ApiCall GET = ApiCall.of("get", ApiCall.Kind.DEPLOYMENT, "prod", "shop");

    KubernetesMockServer server;
    KubernetesClient client;

    @ParameterizedTest
    @CsvSource({
        "401, UNAUTHORIZED", "403, FORBIDDEN", "404, NOT_FOUND", "409, CONFLICT", "422, INVALID", "400, INVALID",
        "408, UNAVAILABLE", "429, UNAVAILABLE", "499, OTHER", "500, UNAVAILABLE", "503, UNAVAILABLE", "0, UNAVAILABLE"
    })
    void shouldClassifyHttpStatuses(int status, Problem problem) {
        assertThat(Problem.ofStatus(status)).isEqualTo(problem);
    }

    @Test
    void shouldNameVerbResourceNamespaceAndTheRbacRuleOnForbidden() {
        server.expect()
                .get()
                .withPath(PATH)
                .andReturn(403, status("deployments.apps \"shop\" is forbidden"))
                .once();

        assertThatThrownBy(() -> Api.call(GET, this::read))
                .isInstanceOfSatisfying(KubernetesApiException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN);
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.call()).isEqualTo(GET);
                })
                .hasMessage("Kubernetes API request failed: get deployments.apps 'shop' in namespace 'prod' (HTTP 403:"
                        + " deployments.apps \"shop\" is forbidden); grant the identity Genesis runs as the RBAC rule"
                        + " {apiGroups: [\"apps\"], resources: [\"deployments\"], verbs: [\"get\"]} in a Role bound"
                        + " in namespace 'prod' (docs/kubernetes.md has a minimal Role)");
    }

    @Test
    void shouldNameAMissingNamespaceAsSuch() {
        ApiCall create = ApiCall.of("create", ApiCall.Kind.LEASE, "prod", "genesis-shop-production");
        server.expect()
                .post()
                .withPath("/apis/coordination.k8s.io/v1/namespaces/prod/leases")
                .andReturn(
                        404,
                        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                                + "\"message\":\"namespaces \\\"prod\\\" not found\",\"reason\":\"NotFound\","
                                + "\"details\":{\"name\":\"prod\",\"kind\":\"namespaces\"},\"code\":404}")
                .once();

        assertThatThrownBy(() -> Api.call(
                        create,
                        () -> client.leases()
                                .inNamespace("prod")
                                .resource(new io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder()
                                        .withNewMetadata()
                                        .withName("genesis-shop-production")
                                        .endMetadata()
                                        .build())
                                .create()))
                .isInstanceOfSatisfying(
                        KubernetesApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.NAMESPACE_NOT_FOUND))
                .hasMessageContaining("namespace 'prod' does not exist: create it (kubectl create namespace prod)");
    }

    @Test
    void shouldAnswerEmptyForAMissingObjectOnFind() {
        server.expect().get().withPath(PATH).andReturn(404, status("not found")).once();

        assertThat(Api.find(GET, this::readStrict)).isEmpty();
    }

    @Test
    void shouldRetryAConflictAfterReReading() {
        AtomicInteger attempts = new AtomicInteger();

        String result = Api.retryOnConflict(GET, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new io.fabric8.kubernetes.client.KubernetesClientException("modified", 409, null);
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldGiveUpOnConflictsAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Api.retryOnConflict(GET, () -> {
                    attempts.incrementAndGet();
                    throw new io.fabric8.kubernetes.client.KubernetesClientException("modified", 409, null);
                }))
                .hasMessageContaining("find what else writes to it");
        assertThat(attempts).hasValue(Api.CONFLICT_ATTEMPTS);
    }

    @Test
    void shouldNotRetryOtherFailures() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Api.retryOnConflict(GET, () -> {
                    attempts.incrementAndGet();
                    throw new io.fabric8.kubernetes.client.KubernetesClientException("boom", 500, null);
                }))
                .isInstanceOfSatisfying(
                        KubernetesApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.UNAVAILABLE));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void shouldReportAnUnreachableApiAsUnavailable() {
        server.shutdown();

        assertThatThrownBy(() -> Api.call(GET, this::read))
                .isInstanceOfSatisfying(KubernetesApiException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNAVAILABLE);
                    assertThat(e.status()).isZero();
                })
                .hasMessageContaining("(no answer: ")
                .hasMessageContaining("a rollout that had started stops changing the cluster")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void shouldSayWhatWentWrongWithTheConnectionInWordsNotClassNames() {
        assertThat(Api.withoutClassName(new java.net.SocketTimeoutException("timeout")))
                .isEqualTo("no answer within the request timeout");
        assertThat(Api.withoutClassName(new java.io.InterruptedIOException("Canceled")))
                .isEqualTo("no answer within the request timeout");
        assertThat(Api.withoutClassName(new java.net.ConnectException("Connection refused")))
                .isEqualTo("connection refused (Connection refused)");
        assertThat(Api.withoutClassName(new java.net.UnknownHostException("api.example")))
                .isEqualTo("unknown host api.example");
        assertThat(Api.withoutClassName(new IllegalStateException())).isEqualTo("the connection failed");
    }

    @Test
    void shouldDescribeCallsOfTheCoreGroupWithoutAGroup() {
        ApiCall call = new ApiCall("list", "", "pods", "prod", null);

        assertThat(call.describe()).isEqualTo("list pods in namespace 'prod'");
        assertThat(call.rbacRule()).isEqualTo("{apiGroups: [\"\"], resources: [\"pods\"], verbs: [\"list\"]}");
        assertThatThrownBy(() -> new ApiCall(" ", "", "pods", "prod", "")).hasMessageContaining("verb");
    }

    private Object read() {
        return client.apps().deployments().inNamespace("prod").withName("shop").get();
    }

    private Object readStrict() {
        return client.apps().deployments().inNamespace("prod").withName("shop").require();
    }

    private static String status(String message) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
                + message.replace("\"", "\\\"") + "\"}";
    }
}
