package io.genesis.docker;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
}
