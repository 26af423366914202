package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.RecordRetention;
import io.genesis.core.history.Retention;
import io.genesis.core.history.RetentionBinder;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.PolicyException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An environment's record retention from the global configuration (bound as Configuration as Code binds it)
 * reaches the engine's binder as genesis.yaml's would, with its defaults, ranges and messages, and the save of
 * the page refuses what the binder refuses.
 */
class RetentionConfigTest {

    private static EnvironmentConfig production(Map<String, Object> retention) throws Exception {
        return CascLikeBinding.bind(
                EnvironmentConfig.class,
                Map.of("name", "production", "minPassRate", 98, "minCoverage", 85, "retention", retention));
    }

    private static Map<String, Retention> bind(EnvironmentConfig environment) {
        return RetentionBinder.bind(EnvironmentBinder.bind(EnvironmentTranslation.document(List.of(environment))));
    }

    @Test
    void shouldGiveTheEngineTheSectionInGenesisYamlsKeys() throws Exception {
        EnvironmentConfig production = production(Map.of("keep", 1000, "days", 730));

        assertThat(production.getRetention().getKeep()).isEqualTo(1000);
        assertThat(bind(production)).containsEntry("production", new Retention(1000, Duration.ofDays(730)));
        assertThat(bind(production(Map.of("days", 30))))
                .containsEntry("production", new Retention(500, Duration.ofDays(30)));
    }

    @Test
    void shouldRefuseWithTheEnginesMessageOnBindingAndOnSave() throws Exception {
        EnvironmentConfig production = production(Map.of("keep", 0));

        assertThatThrownBy(() -> bind(production))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.path()).isEqualTo("environments[0].retention.keep"))
                .hasMessage("environments[0] (production): retention.keep must be a whole number of records per"
                        + " application and job from 1 to 100000, not '0'; fix: write one, such as 500");
        assertThat(EnvironmentValidation.checkAll(List.of(production)))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("retention.keep must be a whole number of records per application and job from 1"
                                + " to 100000, not '0'"));
    }

    @Test
    void shouldKeepTheDefaultWhenTheFormHasNoRetention() {
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setMinPassRate(98.0);
        production.setMinCoverage(85.0);

        assertThat(production.getRetention()).isNull();
        assertThat(bind(production)).isEmpty();
        assertThat(RecordRetention.of(bind(production)).of("production")).isEqualTo(Retention.DEFAULT);
    }

    @Test
    void shouldCheckEachFieldAsItIsTypedWithTheEnginesWords() {
        assertThat(RetentionConfig.check("", RetentionBinder::keepProblem)).isEmpty();
        assertThat(RetentionConfig.check(" 1000 ", RetentionBinder::keepProblem))
                .isEmpty();
        assertThat(RetentionConfig.check("0", RetentionBinder::keepProblem))
                .contains("retention.keep must be a whole number of records per application and job from 1 to"
                        + " 100000, not '0'; fix: write one, such as 500");
        assertThat(RetentionConfig.check("a year", RetentionBinder::daysProblem))
                .contains("retention.days must be a whole number of days from 0 to 3650, not 'a year'; fix: write"
                        + " one, such as 365");
        assertThat(RetentionConfig.check("0", RetentionBinder::daysProblem)).isEmpty();
    }
}
