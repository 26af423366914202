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
import io.genesis.core.policy.PromotionPath;
import java.time.Duration;
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
    void shouldCarryThePromotionEvidenceTheEnvironmentAsksForBothWays() {
        // given: production asks for a passing gate of the same commit and a healthy watch in staging
        Environment production = Environments.defaults()
                .named("production")
                .withPromotion(new PromotionPath(List.of("staging"), Duration.ofMinutes(30), true, true));

        // when
        List<EnvironmentConfig> configs =
                EnvironmentTranslation.fromEngine(Environments.defaults().with(production));

        // then: the form shows both, and saving it gives the engine the same path
        EnvironmentConfig form = configs.stream()
                .filter(c -> c.getName().equals("production"))
                .findFirst()
                .orElseThrow();
        assertThat(form.getRequiresGate()).isTrue();
        assertThat(form.getRequiresHealthyWatch()).isTrue();
        assertThat(EnvironmentTranslation.toEngine(configs).named("production").promotion())
                .isEqualTo(production.promotion());
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
    void shouldHandTheEngineTheWatchAndThePromotionPath() {
        // given
        EnvironmentConfig config = new EnvironmentConfig("eu-production");
        config.setMinPassRate(98.0);
        config.setMinCoverage(85.0);
        config.setWatchHours(12);
        config.setRequiresPassed(List.of("staging", "eu-canary"));
        config.setMinSoakMinutes(45);

        // when
        Environment environment =
                EnvironmentTranslation.toEngine(List.of(config)).named("eu-production");

        // then
        assertThat(config.toTree())
                .containsEntry("watchHours", 12)
                .containsEntry("requiresPassed", List.of("staging", "eu-canary"))
                .containsEntry("minSoakMinutes", 45);
        assertThat(environment.watchWindow()).isEqualTo(Duration.ofHours(12));
        assertThat(environment.promotion())
                .isEqualTo(new PromotionPath(List.of("staging", "eu-canary"), Duration.ofMinutes(45)));
    }

    @Test
    void shouldShowThePromotionPathInForceWhenNeverSetAndKeepItOnSave() {
        // given: production as an older page saved it, without the promotion path
        EnvironmentConfig config = new EnvironmentConfig("production");
        config.setMinPassRate(98.0);
        config.setMinCoverage(85.0);

        // when
        Environment production =
                EnvironmentTranslation.toEngine(List.of(config)).named("production");

        // then: the box shows staging, and a page saved as shown keeps it; an empty box means none
        assertThat(config.getRequiresPassed()).containsExactly("staging");
        assertThat(config.toTree()).doesNotContainKeys("requiresPassed", "watchHours", "minSoakMinutes");
        assertThat(production.promotion()).isEqualTo(PromotionPath.defaultFor("production"));
        assertThat(production.watchWindow()).isEqualTo(Environment.PRODUCTION_WATCH_WINDOW);
        config.setRequiresPassed(List.of());
        assertThat(EnvironmentTranslation.toEngine(List.of(config))
                        .named("production")
                        .promotion()
                        .guarded())
                .isFalse();
        assertThat(new EnvironmentConfig("qa").getRequiresPassed()).isEmpty();
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
