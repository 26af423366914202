package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyCases;
import io.genesis.core.policy.PolicyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTranslationTest {

    @Test
    void shouldGiveTheEngineBackItsDefaultsUnchanged() {
        // given
        List<EnvironmentConfig> preloaded = EnvironmentTranslation.fromEngine(Environments.defaults());

        // when
        Environments translated = EnvironmentTranslation.toEngine(preloaded);

        // then
        assertThat(translated).isEqualTo(Environments.defaults());
    }

    @Test
    void shouldGiveBackEveryKeyOfTheSharedEnvironments() {
        // given
        List<EnvironmentConfig> preloaded = EnvironmentTranslation.fromEngine(PolicyCases.expected());

        // when / then
        assertThat(EnvironmentTranslation.toEngine(preloaded)).isEqualTo(PolicyCases.expected());
        assertThat(preloaded.get(1).getCriticality().getCoverage()).isEqualTo("unstable");
        assertThat(preloaded.get(1).getApprovers()).containsExactly("alice", "bob");
    }

    @Test
    void shouldHandTheEngineOnlyTheKeysThatAreSet() {
        // given
        EnvironmentConfig config = new EnvironmentConfig("eu-canary");
        config.setMinPassRate(99.5);
        config.setMinCoverage(80.0);
        CriticalityConfig criticality = new CriticalityConfig();
        criticality.setPassRate("unstable");
        criticality.setCoverage(" ");
        config.setCriticality(criticality);

        // when
        Map<String, Object> tree = config.toTree();
        Environment environment =
                EnvironmentTranslation.toEngine(List.of(config)).named("eu-canary");

        // then
        assertThat(tree)
                .containsOnlyKeys("name", "minPassRate", "minCoverage", "criticality")
                .containsEntry("criticality", Map.of("passRate", "unstable"));
        assertThat(environment.gate().criticalityOf(CriterionKind.PASS_RATE)).isEqualTo(Criticality.UNSTABLE);
        assertThat(environment.allowForce()).isTrue();
        assertThat(environment.protectedEnvironment()).isFalse();
    }

    @Test
    void shouldPassOnTheEnginesMessageForAMissingPassRate() {
        // given
        EnvironmentConfig config = new EnvironmentConfig("qa");
        config.setMinCoverage(80.0);

        // when / then
        assertThatThrownBy(() -> EnvironmentTranslation.toEngine(List.of(config)))
                .isInstanceOf(PolicyException.class)
                .hasMessage("environments[0] (qa) has no minPassRate; fix: add 'minPassRate:' with a percentage such"
                        + " as 95");
    }

    @Test
    void shouldAcceptAPageWithoutEnvironments() {
        assertThat(EnvironmentTranslation.toEngine(List.of()).all()).isEmpty();
    }
}
