package io.genesis.docker;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class DockerArchitectureTest {

    @Test
    void shouldNotUseJenkinsTypes() {
        ArchitectureRules.ONLY_THE_PLUGIN_USES_JENKINS.check(ArchitectureRules.productionClasses("io.genesis.docker"));
    }

    @Test
    void shouldKeepFeaturePackagesFreeOfCycles() {
        slices().matching("io.genesis.docker.(*)..")
                .should()
                .beFreeOfCycles()
                .check(ArchitectureRules.productionClasses("io.genesis.docker"));
    }

    @Test
    void shouldFailWhenTheEngineReachesIntoTheDockerAdapter() throws ClassNotFoundException {
        Class<?> leak = Class.forName("io.genesis.core.archviolation5.DockerLeak");

        assertThatThrownBy(() -> ArchitectureRules.ENGINE_DEPENDS_ON_NO_ADAPTER.check(ArchitectureRules.only(leak)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("DockerLeak")
                .hasMessageContaining("io.genesis.docker.engine.DockerHost");
    }
}
