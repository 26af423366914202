package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

class GenesisGateStepTest {

    @Test
    void shouldBeCalledGenesisGateInPipelines() {
        assertThat(GenesisGateStep.DescriptorImpl.class
                        .getAnnotation(Symbol.class)
                        .value())
                .containsExactly("genesisGate");
        assertThat(RequiredTest.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("required");
    }

    @Test
    void shouldDefaultToTheReportsAndTheEnvironmentsBar() {
        // when
        GenesisGateStep step = new GenesisGateStep(" staging ");

        // then
        assertThat(step.getEnvironment()).isEqualTo("staging");
        assertThat(step.getTestResultsSource()).isEqualTo("reports");
        assertThat(Arrays.asList(
                        step.getMinPassRate(),
                        step.getMinCoverage(),
                        step.getBaselineCoverage(),
                        step.getMaxCoverageDrop(),
                        step.getUnstableMargin()))
                .containsOnlyNulls();
        assertThat(step.isForce()).isFalse();
        assertThat(step.getReason()).isEmpty();
        assertThat(step.getRequiredTests()).isEmpty();
    }

    @Test
    void shouldCopyItsParametersWhenItStarts() {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setRequiredTests(List.of(new RequiredTest("critical", "*Critical*")));

        // when
        GateSettings settings = new GateSettings(step);
        step.setRequiredTests(List.of());
        step.setTests("other/*.xml");

        // then: a later change to the step does not change a running gate
        assertThat(settings.requiredTests()).containsExactly(new RequiredTest("critical", "*Critical*"));
        assertThat(settings.tests).isEqualTo("reports/*.xml");
    }

    @Test
    void shouldTreatABlankSourceAsTheReports() {
        // given
        GenesisGateStep step = GateFixtures.step();

        // when
        step.setTestResultsSource("  ");

        // then
        assertThat(step.getTestResultsSource()).isEqualTo("reports");
    }
}
