package io.genesis.kubernetes.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kubeconfig given as text, as a secret store holds it: only embedded data, nothing of this machine. */
class InlineKubeconfigTest {

    private static final ClientSettings SETTINGS = ClientSettings.DEFAULT;

    private static final String TEXT = """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
              - name: dev
                cluster: {server: "https://127.0.0.1:6443"}
              - name: prod
                cluster: {server: "https://127.0.0.1:7443"}
            users:
              - name: deployer
                user: {token: inline-secret-token}
            contexts:
              - name: dev
                context: {cluster: dev, user: deployer}
              - name: prod
                context: {cluster: prod, user: deployer}
            """;

    @TempDir
    Path dir;

    private static Connection.KubeconfigText text(String content, String context) {
        return new Connection.KubeconfigText("credential 'kube-prod'", content, context);
    }

    @Test
    void shouldReadTheNamedContextOfTheText() {
        Config config = KubernetesClients.config(text(TEXT, "prod"), SETTINGS);

        assertThat(config.getMasterUrl()).isEqualTo("https://127.0.0.1:7443/");
        assertThat(config.getAutoOAuthToken()).isEqualTo("inline-secret-token");
        assertThat(config.getRequestTimeout()).isEqualTo(30_000);
    }

    @Test
    void shouldRefuseAContextTheTextDoesNotHave() {
        assertThatThrownBy(() -> KubernetesClients.config(text(TEXT, "prd"), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the kubeconfig of credential 'kube-prod' has no context 'prd'; its contexts: dev, prod;"
                        + " fix: name one of them ('kubectl config get-contexts' lists them)");
    }

    @Test
    void shouldRefuseACommandWithoutRunningIt() {
        Path ran = dir.resolve("ran");
        String exec = TEXT.replace(
                "user: {token: inline-secret-token}",
                "user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: touch, args: [\"" + ran + "\"]}}");

        assertThatThrownBy(() -> KubernetesClients.config(text(exec, ""), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the kubeconfig of credential 'kube-prod' names users[deployer].exec, which"
                        + " would read a file of this machine or run a command on it; fix: embed the data");
        assertThat(ran).doesNotExist();
    }

    @Test
    void shouldRefuseEveryFileOfThisMachine() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "a file of the controller");
        String files = TEXT.replace(
                        "user: {token: inline-secret-token}",
                        "user: {tokenFile: \"" + secret + "\", client-certificate: \"" + secret + "\", client-key: \""
                                + secret + "\"}")
                .replace(
                        "cluster: {server: \"https://127.0.0.1:6443\"}",
                        "cluster: {server: \"https://127.0.0.1:6443\", certificate-authority: \"" + secret + "\"}");

        assertThatThrownBy(() -> KubernetesClients.config(text(files, ""), SETTINGS))
                .hasMessageContaining("names users[deployer].tokenFile, users[deployer].client-certificate,"
                        + " users[deployer].client-key, clusters[dev].certificate-authority, which would read a file");
    }

    @Test
    void shouldNotQuoteTheTextWhenItCannotBeRead() {
        String broken = "users: [{name: deployer, user: {token: inline-secret-token}}\n  - : :";

        assertThatThrownBy(() -> KubernetesClients.config(text(broken, ""), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the kubeconfig of credential 'kube-prod' cannot be read: ")
                .message()
                .doesNotContain("inline-secret-token");
    }

    @Test
    void shouldNeverShowTheText() {
        Connection.KubeconfigText text = text(TEXT, "prod");

        assertThat(text.toString()).doesNotContain("inline-secret-token").contains("content=****");
        assertThat(text.describe()).isEqualTo("kubeconfig of credential 'kube-prod' context 'prod'");
        assertThatThrownBy(() -> text(" ", ""))
                .hasMessageStartingWith("the kubeconfig of credential 'kube-prod' is empty");
    }
}
