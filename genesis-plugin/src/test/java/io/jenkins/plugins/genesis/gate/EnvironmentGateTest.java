package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentGateTest {

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void shouldRebuildTheDefaultGatesOnTheAgent(String name) {
        // given
        Environment environment = Environments.defaults().named(name);

        // when
        Environment rebuilt = EnvironmentGate.of(environment).toEngine();

        // then
        assertThat(rebuilt.name()).isEqualTo(environment.name());
        assertThat(rebuilt.gate()).isEqualTo(environment.gate());
    }

    @Test
    void shouldKeepEveryThresholdOfACustomGate() {
        // given
        Environment environment = GateFixtures.STAGING.withGate(GateFixtures.STAGING
                .gate()
                .withMinCoverage(CoverageMetric.BRANCH, new Percentage(70))
                .withMaxCoverageDrop(0.5)
                .withAllowLoosening(true));

        // when
        Environment rebuilt = EnvironmentGate.of(environment).toEngine();

        // then
        assertThat(rebuilt.gate()).isEqualTo(environment.gate());
        assertThat(rebuilt.gate().minCoverage()).containsKeys(CoverageMetric.LINE, CoverageMetric.BRANCH);
    }

    @Test
    void shouldCarryCriticalitiesAndForceToTheAgent() {
        // given
        Environment environment = GateFixtures.STAGING
                .withGate(GateFixtures.STAGING.gate().withCriticality(CriterionKind.COVERAGE, Criticality.NOTE))
                .withAllowForce(false);

        // when
        Environment rebuilt = EnvironmentGate.of(environment).toEngine();

        // then
        assertThat(rebuilt.gate().criticalityOf(CriterionKind.COVERAGE)).isEqualTo(Criticality.NOTE);
        assertThat(rebuilt.gate()).isEqualTo(environment.gate());
        assertThat(rebuilt.allowForce()).isFalse();
    }
}
