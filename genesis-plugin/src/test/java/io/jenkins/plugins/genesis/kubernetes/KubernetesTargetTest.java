package io.jenkins.plugins.genesis.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.genesis.core.target.TargetSpec;
import io.genesis.kubernetes.adapter.KubernetesTargetSettings;
import io.jenkins.plugins.genesis.PersistedClasses;
import io.jenkins.plugins.genesis.config.EnvironmentConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesTargetTest {

    private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIBdummy\n-----END CERTIFICATE-----\n";

    static KubernetesTarget everySetting() {
        KubernetesTarget target = new KubernetesTarget();
        target.setCredentialsId(" kube-token ");
        target.setServerUrl("https://127.0.0.1:6443");
        target.setCaCertificate(CA);
        target.setNamespace("shop");
        target.setDeployment("shop-api");
        target.setImage("reg/shop:1.4.0");
        target.setAppLabel("shop");
        target.setContainer("api");
        target.setHttpRoute("shop-route");
        target.setActiveService("shop");
        target.setPreviewService("shop-preview");
        target.setStableService("shop-stable");
        target.setCanaryService("shop-canary");
        target.setScaleDownDelaySeconds(45);
        target.setRecordEvents(false);
        return target;
    }

    @Test
    void shouldWriteIdsNamesAndTheBuildIntoTheSpecAndNothingElse() {
        // when
        TargetSpec spec = everySetting().spec("shop/main#42");

        // then: the connection by id and address, the build, and the Kubernetes module's own settings
        assertThat(spec.kind()).isEqualTo("kubernetes");
        assertThat(spec.settings())
                .containsEntry("credentialsId", "kube-token")
                .containsEntry("serverUrl", "https://127.0.0.1:6443")
                .containsEntry("run", "shop/main#42")
                .containsEntry("app", "shop")
                .containsEntry("scaleDownDelaySeconds", "45")
                .containsEntry("recordEvents", "false");
        assertThat(KubernetesSettings.targetOnly(spec.settings()).keySet())
                .isSubsetOf(KubernetesTargetSettings.names())
                .hasSize(12);
    }

    @Test
    void shouldLeaveOutWhatIsNotSetSoThatTheEnvironmentsTargetOrTheDefaultsApply() {
        KubernetesTarget target = new KubernetesTarget();
        target.setNamespace("shop");
        target.setCloud("  ");

        assertThat(target.spec("shop/main#1").settings()).isEqualTo(Map.of("namespace", "shop", "run", "shop/main#1"));
    }

    @Test
    void shouldBePersistedAsPlainFieldsAndReadBack() {
        // given
        EnvironmentConfig environment = new EnvironmentConfig("production");
        environment.setTarget(everySetting());
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.genesis.**"});

        // when
        String xml = xstream.toXML(environment);
        EnvironmentConfig read = (EnvironmentConfig) xstream.fromXML(xml);

        // then
        assertThat(xml).contains("<credentialsId>kube-token</credentialsId>");
        assertThat(((KubernetesTarget) read.getTarget()).settings())
                .isEqualTo(everySetting().settings());
        assertThat(PersistedClasses.problemsOf(KubernetesTarget.class)).isEmpty();
    }

    @Test
    void shouldCheckTheServerUrlAsTheOpenerDoes() {
        assertThat(ConnectionChoice.checkServerUrl("https://api.example:6443")).isEmpty();
        assertThat(ConnectionChoice.checkServerUrl("")).isEmpty();
        assertThat(ConnectionChoice.checkServerUrl("http://api.example:6443"))
                .contains("serverUrl must be the API server's https address, such as https://api.example:6443; got"
                        + " http://api.example:6443");
        assertThat(ConnectionChoice.checkServerUrl("https://admin:hunter2@api.example:6443"))
                .hasValueSatisfying(problem ->
                        assertThat(problem).contains("carries credentials").doesNotContain("hunter2"));
    }

    @Test
    void shouldRefuseConnectionsThatDoNotGoTogether() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ConnectionChoice.of(Map.of("credentialsId", "a", "cloud", "b")))
                .hasMessage("the kubernetes target names both credentialsId 'a' and cloud 'b'; fix: keep one of them:"
                        + " a credential, or a Kubernetes plugin cloud");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ConnectionChoice.of(Map.of("cloud", "b", "serverUrl", "https://127.0.0.1:6443")))
                .hasMessage("cloud 'b' brings its own server and credentials, so serverUrl cannot be used with it; fix:"
                        + " remove serverUrl");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ConnectionChoice.of(Map.of("credentialsId", "a", "caCertificate", CA)))
                .hasMessageStartingWith("caCertificate is given without serverUrl");
        assertThat(ConnectionChoice.of(Map.of("cloud", "b"))).isEqualTo(new ConnectionChoice.Cloud("b"));
    }
}
