package io.genesis.sandbox;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class SandboxArchitectureTest {

    @Test
    void shouldNotUseJenkinsTypes() {
        ArchitectureRules.ONLY_THE_PLUGIN_USES_JENKINS.check(ArchitectureRules.productionClasses("io.genesis.sandbox"));
    }

    @Test
    void shouldKeepFeaturePackagesFreeOfCycles() {
        slices().matching("io.genesis.sandbox.(*)..")
                .should()
                .beFreeOfCycles()
                .check(ArchitectureRules.productionClasses("io.genesis.sandbox"));
    }

    @Test
    void shouldFailWhenTheEngineUsesJetty() throws ClassNotFoundException {
        Class<?> leak = Class.forName("io.genesis.core.archviolation3.JettyLeak");

        assertThatThrownBy(() -> ArchitectureRules.ENGINE_KNOWS_NO_FRAMEWORK.check(ArchitectureRules.only(leak)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("JettyLeak")
                .hasMessageContaining("org.eclipse.jetty.server.Server");
    }
}
