package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.FindingBounds;
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
        assertThat(preloaded.get(1).getCriticality().getFindings()).isEqualTo("unstable");
        assertThat(preloaded.get(1).getFindings().getHigh()).isEqualTo(2L);
        assertThat(preloaded.get(1).getFindings().getMedium()).isNull();
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
    void shouldHandTheEngineFindingsBoundsInTheSchemasKeys() {
        // given
        EnvironmentConfig config = new EnvironmentConfig("production");
        config.setMinPassRate(98.0);
        config.setMinCoverage(85.0);
        FindingsConfig findings = new FindingsConfig();
        findings.setHigh(3L);
        config.setFindings(findings);

        // when
        Map<String, Object> tree = config.toTree();
        Environment production =
                EnvironmentTranslation.toEngine(List.of(config)).named("production");

        // then
        assertThat(tree).containsEntry("findings", Map.of("high", 3L));
        assertThat(production.gate().findings()).isEqualTo(FindingBounds.NONE.with("high", 3));
    }

    @Test
    void shouldKeepTheEnginesBoundsByNameWhenTheFormHasNoFindingsPart() {
        // given
        EnvironmentConfig config = new EnvironmentConfig("production");
        config.setMinPassRate(98.0);
        config.setMinCoverage(85.0);

        // when
        Environment production =
                EnvironmentTranslation.toEngine(List.of(config)).named("production");

        // then: the form shows the bounds in force, and saving it as shown keeps them
        assertThat(production.gate().findings()).isEqualTo(FindingBounds.PRODUCTION);
        assertThat(config.toTree()).doesNotContainKey("findings");
        assertThat(config.getFindings().getHigh()).isZero();
        assertThat(config.getFindings().getMedium()).isNull();
        assertThat(new EnvironmentConfig("qa").getFindings()).isNull();
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
