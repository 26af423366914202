package io.genesis.kubernetes.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class KubernetesArchitectureTest {

    @Test
    void shouldUseNoJenkinsTypes() {
        ArchitectureRules.ONLY_THE_PLUGIN_USES_JENKINS.check(
                ArchitectureRules.productionClasses("io.genesis.kubernetes"));
    }

    @Test
    void shouldFailTheEngineRuleOnAnEngineClassThatUsesFabric8() throws ClassNotFoundException {
        Class<?> leak = Class.forName("io.genesis.core.archviolation4.KubernetesLeak");

        assertThatThrownBy(() -> ArchitectureRules.ENGINE_KNOWS_NO_FRAMEWORK.check(ArchitectureRules.only(leak)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("KubernetesLeak")
                .hasMessageContaining("io.fabric8.kubernetes.api.model.apps.Deployment");
    }
}
