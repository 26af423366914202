package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.CoverageMetric;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentsTest {

    @Test
    void shouldDefaultToTheReleaseGuidesStagingAndProduction() {
        Environments defaults = Environments.defaults();

        Environment staging = defaults.named("staging");
        Environment production = defaults.named("production");
        assertThat(defaults.names()).isEqualTo("staging, production");
        assertThat(staging.gate().minPassRate()).isEqualTo(new Percentage(95));
        assertThat(production.gate().minPassRate()).isEqualTo(new Percentage(98));
        assertThat(production.gate().minCoverage()).containsEntry(CoverageMetric.LINE, new Percentage(85));
        assertThat(staging.approval().required()).isFalse();
        assertThat(production.approval().required()).isTrue();
        assertThat(production.approval().waitTimer()).isEqualTo(Duration.ofMinutes(5));
        assertThat(production.approval().administratorsOnly()).isTrue();
        assertThat(production.refs().allows(SourceRef.tag("v1.2.3"))).isTrue();
        assertThat(production.refs().allows(SourceRef.branch("release/1.2"))).isTrue();
        assertThat(staging.refs().allows(SourceRef.branch("release/1.2"))).isFalse();
    }

    @Test
    void shouldNameTheKnownEnvironmentsWhenOneIsUnknown() {
        assertThatThrownBy(() -> Environments.defaults().named("qa"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown environment 'qa'; known: staging, production");
        assertThatThrownBy(() -> new Environments(List.of()).named("qa"))
                .hasMessage("unknown environment 'qa'; known: none are configured");
        assertThat(Environments.defaults().find("qa")).isEmpty();
    }

    @Test
    void shouldRefuseTwoEnvironmentsOfTheSameName() {
        Environment staging = Environments.defaults().named("staging");

        assertThatThrownBy(() -> new Environments(List.of(staging, staging)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment 'staging' is defined twice; environment names must be unique");
    }

    @Test
    void shouldReplaceByNameInPlaceOrAddAtTheEnd() {
        Environment strictStaging = Environments.defaults().named("staging").withGate(GateThresholds.of(99, 90));
        Environment qa = strictStaging.withRefs(new RefPolicy(List.of("qa/*"), List.of()));
        Environment qaNamed = new Environment("qa", qa.gate(), qa.approval(), qa.refs());

        Environments changed = Environments.defaults().with(strictStaging).with(qaNamed);

        assertThat(changed.names()).isEqualTo("staging, production, qa");
        assertThat(changed.named("staging").gate().minPassRate()).isEqualTo(new Percentage(99));
        assertThat(changed.named("qa").refs().branches()).containsExactly("qa/*");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "staging",
                "eu-production",
                "a",
                "a1",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    void shouldAcceptDnsLabelNames(String name) {
        assertThat(Environment.requireValidName(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Production",
                "-staging",
                "staging-",
                "eu_production",
                "a b",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    void shouldRefuseNamesThatAreNotDnsLabels(String name) {
        assertThatThrownBy(() -> Environment.requireValidName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment name '" + name + "' is not valid");
    }

    @Test
    void shouldRequireEveryPartOfAnEnvironment() {
        Environment staging = Environments.defaults().named("staging");

        assertThatThrownBy(() -> new Environment(null, staging.gate(), staging.approval(), staging.refs()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> staging.withGate(null)).hasMessage("gate");
        assertThatThrownBy(() -> staging.withApproval(null)).hasMessage("approval");
        assertThatThrownBy(() -> staging.withRefs(null)).hasMessage("refs");
        assertThat(staging.withApproval(ApprovalPolicy.none())).isEqualTo(staging);
    }
}
