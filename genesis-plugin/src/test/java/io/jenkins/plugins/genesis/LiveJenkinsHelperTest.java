package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The parts of {@link LiveJenkins} that need no Jenkins (its name must not end in JenkinsTest, which the root build skips). */
class LiveJenkinsHelperTest {

    @Test
    void shouldReadTheCrumbWhateverTheOrderOfItsFields() {
        assertThat(
                        LiveJenkins.crumbHeader(
                                "{\"_class\":\"hudson.security.csrf.DefaultCrumbIssuer\",\"crumb\":\"ab12\",\"crumbRequestField\":\"Jenkins-Crumb\"}"))
                .containsExactly("Jenkins-Crumb", "ab12");
        assertThat(LiveJenkins.crumbHeader("{\"crumbRequestField\":\"X\", \"crumb\" : \"y\"}"))
                .containsExactly("X", "y");
    }

    @Test
    void shouldRefuseAnAnswerWithoutCrumb() {
        assertThatThrownBy(() -> LiveJenkins.crumbHeader("<html>403</html>")).isInstanceOf(AssertionError.class);
    }

    @Test
    void shouldCutOneActionOutOfABuildsApiAnswer() {
        // given
        String api =
                "{\"_class\":\"org.jenkinsci.plugins.workflow.job.WorkflowRun\",\"actions\":[{\"_class\":\"hudson.model.CauseAction\"},"
                        + "{\"_class\":\"io.jenkins.plugins.genesis.gate.GateBuildAction\",\"criteria\":[{\"name\":\"reports\"}],\"verdict\":\"PASSED\"},{}]}";

        // then
        assertThat(LiveJenkins.action(api, "io.jenkins.plugins.genesis.gate.GateBuildAction"))
                .isEqualTo(
                        "{\"_class\":\"io.jenkins.plugins.genesis.gate.GateBuildAction\",\"criteria\":[{\"name\":\"reports\"}],\"verdict\":\"PASSED\"}");
    }
}
