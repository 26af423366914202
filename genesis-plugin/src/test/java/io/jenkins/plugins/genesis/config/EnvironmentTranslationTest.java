package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void shouldPreloadEveryDefaultFieldFromTheEngine() {
        // given
        Environment production = Environments.defaults().named("production");

        // when
        EnvironmentConfig config = EnvironmentTranslation.fromEngine(production);

        // then
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(config.getName()).isEqualTo(production.name());
        softly.assertThat(config.getMinPassRate())
                .isEqualTo(production.gate().minPassRate().value());
        softly.assertThat(config.getMinCoverage())
                .isEqualTo(
                        production.gate().minCoverage().get(CoverageMetric.LINE).value());
        softly.assertThat(config.isApprovalRequired())
                .isEqualTo(production.approval().required());
        softly.assertThat((long) config.getWaitTimerMinutes())
                .isEqualTo(production.approval().waitTimer().toMinutes());
        softly.assertThat(EnvironmentTranslation.split(config.getAllowedBranches()))
                .isEqualTo(production.refs().branches());
        softly.assertThat(EnvironmentTranslation.split(config.getAllowedTags()))
                .isEqualTo(production.refs().tags());
        softly.assertAll();
    }

    @Test
    void shouldBuildTheEngineEnvironmentFromEveryField() {
        // given
        EnvironmentConfig config = new EnvironmentConfig("eu-canary");
        config.setMinPassRate(99.5);
        config.setMinCoverage(80);
        config.setApprovalRequired(true);
        config.setApprovers("alice, bob");
        config.setApproverGroups("release-managers");
        config.setWaitTimerMinutes(10);
        config.setAllowedBranches("main release/*");
        config.setAllowedTags("v*");

        // when
        Environment environment = EnvironmentTranslation.toEngine(config);

        // then
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(environment.name()).isEqualTo("eu-canary");
        softly.assertThat(environment.gate().minPassRate()).isEqualTo(new Percentage(99.5));
        softly.assertThat(environment.gate().minCoverage()).containsEntry(CoverageMetric.LINE, new Percentage(80));
        softly.assertThat(environment.approval().required()).isTrue();
        softly.assertThat(environment.approval().approvers()).isEqualTo(Set.of("alice", "bob"));
        softly.assertThat(environment.approval().approverGroups()).isEqualTo(Set.of("release-managers"));
        softly.assertThat(environment.approval().waitTimer()).isEqualTo(Duration.ofMinutes(10));
        softly.assertThat(environment.refs().branches()).containsExactly("main", "release/*");
        softly.assertThat(environment.refs().tags()).containsExactly("v*");
        softly.assertAll();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"alice, bob|2", "alice bob|2", "' alice ,, bob '|2", "alice|1", "''|0", "' , '|0"})
    void shouldSplitListsOnCommasAndWhiteSpace(String text, int entries) {
        // when
        List<String> split = EnvironmentTranslation.split(text);

        // then
        assertThat(split)
                .hasSize(entries)
                .allSatisfy(entry -> assertThat(entry).isNotBlank().doesNotContain(",", " "));
    }

    @ParameterizedTest
    @CsvSource({"-0.01, false", "0, true", "100, true", "100.01, false"})
    void shouldAcceptPassRatesFromZeroToOneHundredOnly(double passRate, boolean accepted) {
        // given
        EnvironmentConfig config = new EnvironmentConfig("staging");
        config.setMinPassRate(passRate);

        // when / then
        if (accepted) {
            assertThat(EnvironmentTranslation.toEngine(config).gate().minPassRate())
                    .isEqualTo(new Percentage(passRate));
        } else {
            assertThatThrownBy(() -> EnvironmentTranslation.toEngine(config))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("minPassRate");
        }
    }

    @Test
    void shouldPassOnTheEnginesMessageForAnInvalidName() {
        // given
        EnvironmentConfig config = new EnvironmentConfig("Production!");

        // when / then
        assertThatThrownBy(() -> EnvironmentTranslation.toEngine(List.of(config)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Production!")
                .hasMessageContaining("lower-case");
    }
}
