package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetTrustTest {

    private static final Set<String> CONNECTION = Set.of("credentialsId", "serverUrl", "cloud");
    private static final Environment PRODUCTION = Environments.defaults().named("production");
    private static final Environment STAGING = Environments.defaults().named("staging");

    private static TargetTrust.Source requested(Map<String, String> settings) {
        return new TargetTrust.Source("the Jenkinsfile's target", settings);
    }

    private static TargetTrust.Source global(Map<String, String> settings) {
        return new TargetTrust.Source("the global configuration", settings);
    }

    @Test
    void shouldTakeAProtectedEnvironmentsConnectionFromTheTrustedSourceAndTheRestFromTheRequest() {
        Map<String, String> settings = TargetTrust.settings(
                PRODUCTION,
                global(Map.of("credentialsId", "kube-prod", "namespace", "prod")),
                requested(Map.of("namespace", "prod", "image", "reg/shop:1.4.0")),
                CONNECTION);

        assertThat(settings)
                .isEqualTo(Map.of("credentialsId", "kube-prod", "namespace", "prod", "image", "reg/shop:1.4.0"));
    }

    @Test
    void shouldRefuseAConnectionARequestNamesForAProtectedEnvironment() {
        assertThatThrownBy(() -> TargetTrust.settings(
                        PRODUCTION,
                        global(Map.of("credentialsId", "kube-prod")),
                        requested(Map.of("serverUrl", "https://127.0.0.1:6443", "credentialsId", "mine")),
                        CONNECTION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("production is protected, and the Jenkinsfile's target may not name how its target is"
                        + " reached (credentialsId, serverUrl); fix: remove credentialsId, serverUrl from the"
                        + " Jenkinsfile's target: an administrator sets the environment's target in the global"
                        + " configuration");
    }

    @Test
    void shouldRefuseToChangeASettingTheTrustedSourceFixesForAProtectedEnvironment() {
        assertThatThrownBy(() -> TargetTrust.settings(
                        PRODUCTION,
                        global(Map.of("cloud", "prod-cluster", "namespace", "prod")),
                        requested(Map.of("namespace", "kube-system")),
                        CONNECTION))
                .hasMessage("production is protected: namespace 'kube-system' from the Jenkinsfile's target would"
                        + " change 'prod' that the global configuration sets; fix: remove namespace from the"
                        + " Jenkinsfile's target, or have an administrator change it in the global configuration");
    }

    @Test
    void shouldRefuseAProtectedEnvironmentWhoseTrustedTargetNamesNoConnection() {
        assertThatThrownBy(() -> TargetTrust.settings(
                        PRODUCTION, global(Map.of("namespace", "prod")), requested(Map.of()), CONNECTION))
                .hasMessage("production is protected, and the global configuration names no connection for its"
                        + " target, so it cannot be deployed to; fix: an administrator sets one of [cloud,"
                        + " credentialsId, serverUrl] in the environment's target there");
    }

    @Test
    void shouldLetARequestOverrideAnUnprotectedEnvironmentsDefaults() {
        Map<String, String> settings = TargetTrust.settings(
                STAGING,
                global(Map.of("credentialsId", "kube-staging", "namespace", "staging")),
                requested(Map.of("namespace", "staging-2")),
                CONNECTION);

        assertThat(settings).isEqualTo(Map.of("credentialsId", "kube-staging", "namespace", "staging-2"));
    }

    @Test
    void shouldNeverMixATrustedCredentialWithAnAddressTheRequestChose() {
        Map<String, String> settings = TargetTrust.settings(
                STAGING,
                global(Map.of("credentialsId", "kube-staging", "serverUrl", "https://127.0.0.1:6443")),
                requested(Map.of("serverUrl", "https://127.0.0.2:6443")),
                CONNECTION);

        assertThat(settings).isEqualTo(Map.of("serverUrl", "https://127.0.0.2:6443"));
    }

    @Test
    void shouldTreatAnEnvironmentMarkedProtectedLikeProduction() {
        assertThatThrownBy(() -> TargetTrust.settings(
                        STAGING.withProtected(true),
                        global(Map.of("credentialsId", "kube-staging")),
                        requested(Map.of("cloud", "other")),
                        CONNECTION))
                .hasMessageStartingWith("staging is protected, and the Jenkinsfile's target may not name");
    }
}
