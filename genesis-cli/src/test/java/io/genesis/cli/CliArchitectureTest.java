package io.genesis.cli;

import io.genesis.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class CliArchitectureTest {

    @Test
    void shouldRunWithoutJenkins() {
        ArchitectureRules.ONLY_THE_PLUGIN_USES_JENKINS.check(ArchitectureRules.productionClasses("io.genesis.cli"));
    }
}
