package io.genesis.kubernetes.manifest;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.kubernetes.testing.NoRetries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest folder applies its own namespaced objects only, and never echoes a line of its files. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class ManifestSecurityTest {

    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shop-config
            data:
              mode: production
            """;

    private static final String CLUSTER_ADMIN = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: pwned
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects:
              - {kind: ServiceAccount, name: default, namespace: test}
            """;

    KubernetesClient client;

    @TempDir
    Path temp;

    private final List<String> events = new ArrayList<>();

    @Test
    void shouldRefuseALinkThatLeadsOutOfTheFolder() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("manifests"));
        Path outside = Files.writeString(temp.resolve("secret.yaml"), CONFIG_MAP);
        Files.createSymbolicLink(folder.resolve("10-stolen.yaml"), outside);
        CreateOrUpdateWriter writer = new CreateOrUpdateWriter(client);

        assertThatThrownBy(() -> applier(writer, false).apply(folder, ImageSubstitution.of("reg/shop:1.0.0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "manifest 10-stolen.yaml in " + folder + " is a link that leads out of the folder");
        assertThat(writer.calls).isEmpty();
    }

    @Test
    void shouldFollowALinkThatStaysInTheFolder() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("manifests"));
        Files.createDirectory(folder.resolve("shared"));
        Files.writeString(folder.resolve("shared/config.yaml.txt"), CONFIG_MAP);
        Files.createSymbolicLink(folder.resolve("10-config.yaml"), folder.resolve("shared/config.yaml.txt"));

        assertThat(applier(new CreateOrUpdateWriter(client), false).load(folder, ImageSubstitution.of("reg/shop:1")))
                .extracting(Manifest::kind)
                .containsExactly("ConfigMap");
    }

    @Test
    void shouldRefuseClusterScopedObjectsUnlessTheTargetAllowsThem() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("manifests"));
        Files.writeString(folder.resolve("10-config.yaml"), CONFIG_MAP);
        Files.writeString(folder.resolve("20-rbac.yaml"), CLUSTER_ADMIN);
        CreateOrUpdateWriter writer = new CreateOrUpdateWriter(client);

        assertThatThrownBy(() -> applier(writer, false).apply(folder, ImageSubstitution.of("reg/shop:1.0.0")))
                .hasMessageContaining("20-rbac.yaml, line 1: ClusterRoleBinding pwned is cluster-scoped")
                .hasMessageContaining("allowClusterScoped: true");
        assertThat(writer.calls).isEmpty();
        assertThat(client.rbac().clusterRoleBindings().list().getItems()).isEmpty();

        assertThat(applier(writer, true).load(folder, ImageSubstitution.of("reg/shop:1.0.0")))
                .extracting(Manifest::kind)
                .containsExactly("ConfigMap", "ClusterRoleBinding");
    }

    @Test
    void shouldRefuseEveryWellKnownClusterScopedKind() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("manifests"));
        for (String kind : List.of(
                "v1 Namespace",
                "v1 PersistentVolume",
                "rbac.authorization.k8s.io/v1 ClusterRole",
                "apiextensions.k8s.io/v1 CustomResourceDefinition",
                "storage.k8s.io/v1 StorageClass",
                "admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration",
                "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration",
                "cert-manager.io/v1 ClusterIssuer")) {
            String[] parts = kind.split(" ");
            Files.writeString(
                    folder.resolve("object.yaml"),
                    "apiVersion: " + parts[0] + "\nkind: " + parts[1] + "\nmetadata: {name: x}\n");

            assertThatThrownBy(() -> applier(new CreateOrUpdateWriter(client), false)
                            .load(folder, ImageSubstitution.of("reg/shop:1")))
                    .as(kind)
                    .hasMessageContaining(parts[1] + " x is cluster-scoped");
        }
    }

    @Test
    void shouldNameFileLineAndColumnOfAYamlErrorButNeverTheLine() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("manifests"));
        Path file = Files.writeString(folder.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                stringData:
                  password: hunter2: "with a colon"
                """);

        assertThatThrownBy(() -> applier(new CreateOrUpdateWriter(client), false)
                        .load(folder, ImageSubstitution.of("reg/shop:1")))
                .hasMessageStartingWith("manifest " + file + " is not valid YAML (line 5, column ")
                .hasNoCause()
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void shouldNotQuoteAValueThatDoesNotFitTheSchema() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("manifests"));
        Files.writeString(
                folder.resolve("deployment.yaml"),
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec: {replicas: hunter2}\n");

        assertThatThrownBy(() -> applier(new CreateOrUpdateWriter(client), false)
                        .load(folder, ImageSubstitution.of("reg/shop:1")))
                .hasMessageContaining("Deployment shop does not match its kind's schema")
                .hasNoCause()
                .message()
                .doesNotContain("hunter2");
    }

    private ManifestApplier applier(ManifestWriter writer, boolean clusterScopedAllowed) {
        return new ManifestApplier(writer, NS, events::add, clusterScopedAllowed);
    }
}
