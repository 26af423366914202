package io.genesis.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoreArchitectureTest {

    @Test
    void shouldKeepTheEngineFreeOfFrameworks() {
        ArchitectureRules.ENGINE_KNOWS_NO_FRAMEWORK.check(ArchitectureRules.productionClasses("io.genesis.core"));
    }

    @Test
    void shouldKeepTheEngineFreeOfAdapters() {
        ArchitectureRules.ENGINE_DEPENDS_ON_NO_ADAPTER.check(ArchitectureRules.productionClasses("io.genesis.core"));
    }

    @Test
    void shouldFailWhenTheEngineReachesIntoAnAdapter() throws ClassNotFoundException {
        Class<?> leak = Class.forName("io.genesis.core.archviolation.SandboxLeak");

        assertThatThrownBy(() -> ArchitectureRules.ENGINE_DEPENDS_ON_NO_ADAPTER.check(ArchitectureRules.only(leak)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SandboxLeak")
                .hasMessageContaining("io.genesis.sandbox.archfixture.AdapterType");
    }
}
