package io.genesis.kubernetes.manifest;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class ManifestApplierTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop
            spec:
              replicas: 2
              selector:
                matchLabels: {app: shop}
              template:
                metadata:
                  labels: {app: shop}
                spec:
                  initContainers:
                    - name: migrate
                      image: registry:5000/shop:0.9.0
                  containers:
                    - name: web
                      image: registry:5000/shop:0.9.0
                    - name: proxy
                      image: envoyproxy/envoy:v1.30.0
            """;

    private static final String CONFIG = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shop-config
            data:
              mode: production
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: shop
            spec:
              selector: {app: shop}
              ports:
                - port: 80
                  targetPort: 8080
            """;

    KubernetesClient client;

    @TempDir
    Path folder;

    private final List<String> events = new ArrayList<>();

    @Test
    void shouldDryRunEverythingBeforeWritingAnythingInFileOrder() throws IOException {
        Files.writeString(folder.resolve("20-deployment.yaml"), DEPLOYMENT);
        Files.writeString(folder.resolve("10-config.yml"), CONFIG);
        Files.writeString(folder.resolve("README.md"), "not a manifest");
        CreateOrUpdateWriter writer = new CreateOrUpdateWriter(client);

        new ManifestApplier(writer, NS, events::add).apply(folder, ImageSubstitution.of("registry:5000/shop:1.0.0"));

        assertThat(writer.calls)
                .containsExactly(
                        "dry-run ConfigMap/shop-config",
                        "dry-run Service/shop",
                        "dry-run Deployment/shop",
                        "write ConfigMap/shop-config",
                        "write Service/shop",
                        "write Deployment/shop");
        assertThat(events)
                .singleElement()
                .asString()
                .contains("applied 3 object(s)")
                .endsWith(": ConfigMap shop-config, Service shop, Deployment shop");
    }

    @Test
    void shouldApplyACustomResourceDefinitionFirstAndNotDryRunTheKindItDefines() throws IOException {
        Files.writeString(folder.resolve("10-widget.yaml"), """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: shop-widget
                spec:
                  size: 3
                """);
        Files.writeString(folder.resolve("20-crd.yaml"), """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {kind: Widget, plural: widgets, singular: widget}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """);
        Files.writeString(folder.resolve("30-config.yaml"), CONFIG);
        CreateOrUpdateWriter writer = new CreateOrUpdateWriter(client);

        new ManifestApplier(writer, NS, events::add, true)
                .apply(folder, ImageSubstitution.of("registry:5000/shop:1.0.0"));

        assertThat(writer.calls)
                .as("a real API server cannot dry-run a Widget before its CRD exists")
                .containsExactly(
                        "dry-run CustomResourceDefinition/widgets.example.com",
                        "dry-run ConfigMap/shop-config",
                        "dry-run Service/shop",
                        "write CustomResourceDefinition/widgets.example.com",
                        "write Widget/shop-widget",
                        "write ConfigMap/shop-config",
                        "write Service/shop");
        assertThat(events).first().asString().contains("not dry-run").contains("Widget shop-widget");
    }

    @Test
    void shouldSubstituteTheImageOfItsRepositoryOnly() throws IOException {
        Files.writeString(folder.resolve("deployment.yaml"), DEPLOYMENT);

        new ManifestApplier(new CreateOrUpdateWriter(client), NS, events::add)
                .apply(folder, ImageSubstitution.of("registry:5000/shop:1.0.0"));

        Deployment shop =
                client.apps().deployments().inNamespace(NS).withName("shop").get();
        assertThat(shop.getSpec().getTemplate().getSpec().getContainers())
                .extracting(c -> c.getImage())
                .containsExactly("registry:5000/shop:1.0.0", "envoyproxy/envoy:v1.30.0");
        assertThat(shop.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getInitContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("registry:5000/shop:1.0.0");
    }

    @Test
    void shouldUpdateWhatExistsOnASecondApply() throws IOException {
        Files.writeString(folder.resolve("deployment.yaml"), DEPLOYMENT);
        ManifestApplier applier = new ManifestApplier(new CreateOrUpdateWriter(client), NS, events::add);
        applier.apply(folder, ImageSubstitution.of("registry:5000/shop:1.0.0"));

        applier.apply(folder, ImageSubstitution.of("registry:5000/shop:1.1.0"));

        assertThat(new Workloads(client).image("shop")).isEqualTo("registry:5000/shop:1.1.0");
    }

    @Test
    void shouldWriteNothingWhenADryRunFails() throws IOException {
        Files.writeString(folder.resolve("a.yaml"), CONFIG);
        Files.writeString(folder.resolve("b.yaml"), DEPLOYMENT);
        List<String> writes = new ArrayList<>();
        ManifestWriter failing = (object, namespace, dryRun) -> {
            if (dryRun && object.getKind().equals("Deployment")) {
                throw new IllegalStateException("spec.replicas: Invalid value");
            }
            writes.add(object.getKind());
            return object;
        };

        assertThatThrownBy(() -> new ManifestApplier(failing, NS, events::add).apply(folder, ImageSubstitution.none()))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("dry run of Deployment shop (from " + folder.resolve("b.yaml") + ") failed")
                .hasMessageContaining("nothing from " + folder + " was written")
                .hasMessageContaining("Invalid value");
        assertThat(writes).containsExactly("ConfigMap", "Service");
        assertThat(client.configMaps().inNamespace(NS).list().getItems()).isEmpty();
    }

    @Test
    void shouldSayHowManyObjectsWereWrittenWhenAWriteFails() throws IOException {
        Files.writeString(folder.resolve("a.yaml"), CONFIG);
        ManifestWriter failing = (object, namespace, dryRun) -> {
            if (!dryRun && object.getKind().equals("Service")) {
                throw new IllegalStateException("HTTP 503");
            }
            return object;
        };

        assertThatThrownBy(() -> new ManifestApplier(failing, NS, events::add).apply(folder, ImageSubstitution.none()))
                .hasMessageContaining("applying Service shop (from " + folder.resolve("a.yaml") + ") failed after 1 of"
                        + " 2 object(s)")
                .hasMessageContaining("applying the folder again is safe")
                .hasMessageContaining("HTTP 503");
        assertThat(events).isEmpty();
    }

    @Test
    void shouldNameTheFileAndObjectThatDoesNotMatchItsSchema() throws IOException {
        Files.writeString(
                folder.resolve("deployment.yaml"), DEPLOYMENT.replace("replicas: 2", "replicas: {many: true}"));

        assertThatThrownBy(() -> load())
                .hasMessageContaining("manifest " + folder.resolve("deployment.yaml") + ", line 1: Deployment shop"
                        + " does not match its kind's schema at field spec.replicas");
    }

    @Test
    void shouldRefuseAManifestForAnotherNamespace() throws IOException {
        Files.writeString(
                folder.resolve("x.yaml"), CONFIG.replace("name: shop-config", "name: shop-config\n  namespace: prod"));

        assertThatThrownBy(() -> load())
                .hasMessageContaining("names namespace 'prod', but this environment deploys to 'test'");
    }

    @Test
    void shouldNameTheFileOfInvalidYaml() throws IOException {
        Files.writeString(folder.resolve("broken.yaml"), "kind: [unclosed");

        assertThatThrownBy(() -> load()).hasMessageContaining("broken.yaml is not valid YAML");
    }

    @Test
    void shouldRefuseDocumentsWithoutKindOrName() throws IOException {
        Files.writeString(folder.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");

        assertThatThrownBy(() -> load()).hasMessageContaining("ConfigMap has no metadata.name");
        Files.writeString(folder.resolve("a.yaml"), "foo: bar\n");
        assertThatThrownBy(() -> load()).hasMessageContaining("without kind and apiVersion");
    }

    @Test
    void shouldRefuseAFolderWithoutManifests() {
        assertThatThrownBy(() -> load()).hasMessageContaining("has no *.yaml or *.yml file");
        assertThatThrownBy(() -> new ManifestApplier(new CreateOrUpdateWriter(client), NS, events::add)
                        .load(folder.resolve("missing"), ImageSubstitution.none()))
                .hasMessageContaining("does not exist");
    }

    private List<Manifest> load() {
        return new ManifestApplier(new CreateOrUpdateWriter(client), NS, events::add)
                .load(folder, ImageSubstitution.none());
    }
}
