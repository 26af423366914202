package io.genesis.kubernetes.manifest;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.deployment;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The mock answers server-side apply with 415, so these tests pin the request's shape with an
 * expectation and check it on the recorded request.
 */
@EnableKubernetesMockClient(https = false, kubernetesClientBuilderCustomizer = NoRetries.class)
class ServerSideApplyWriterTest {

    private static final String PATH = "/apis/apps/v1/namespaces/test/deployments/shop";

    KubernetesMockServer server;
    KubernetesClient client;

    private final Deployment shop = deployment("shop", labels("app", "shop"), "reg/shop:1.0", 2);

    @Test
    void shouldDryRunAsFieldManagerGenesisForcingConflicts() throws InterruptedException {
        server.expect()
                .patch()
                .withPath(PATH + "?fieldManager=genesis&dryRun=All&force=true")
                .andReturn(200, Serialization.asJson(shop))
                .once();

        new ServerSideApplyWriter(client).write(shop, NS, true);

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
        assertThat(request.getBody().readUtf8()).contains("\"image\":\"reg/shop:1.0\"");
    }

    @Test
    void shouldApplyWithoutDryRunAfterwards() throws InterruptedException {
        server.expect()
                .patch()
                .withPath(PATH + "?fieldManager=genesis&force=true")
                .andReturn(200, Serialization.asJson(shop))
                .once();

        Deployment applied = (Deployment) new ServerSideApplyWriter(client).write(shop, NS, false);

        assertThat(applied.getMetadata().getName()).isEqualTo("shop");
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath()).doesNotContain("dryRun");
    }

    @Test
    void shouldReadTheApiGroupFromTheApiVersion() {
        assertThat(ServerSideApplyWriter.group(shop)).isEqualTo("apps");
        assertThat(ServerSideApplyWriter.group(new io.fabric8.kubernetes.api.model.ConfigMap()))
                .isEmpty();
    }
}
