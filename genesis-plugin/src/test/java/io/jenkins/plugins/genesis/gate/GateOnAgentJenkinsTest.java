package io.jenkins.plugins.genesis.gate;

import static io.jenkins.plugins.genesis.LiveJenkins.FAILURE;
import static io.jenkins.plugins.genesis.LiveJenkins.SUCCESS;
import static io.jenkins.plugins.genesis.LiveJenkins.run;
import static io.jenkins.plugins.genesis.LiveJenkins.startAgent;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.genesis.LiveJenkins.Build;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code genesisGate} on a real agent, a separate JVM connected through remoting: the callable and
 * its plain input cross the channel, the engine's classes are loaded on the agent, the verdict's
 * JSON comes back, and Jenkins' class filter accepts all of it. Run by the real build only.
 */
@WithJenkins
class GateOnAgentJenkinsTest {

    private static final String LABEL = "gate-agent";

    @Test
    void shouldReadTheReportsOnTheAgentThatHoldsTheWorkspace(JenkinsRule j) throws Exception {
        // given
        startAgent(j, LABEL);

        // when
        Build build = run(
                j, "onagent", GenesisGateStepJenkinsTest.pipelineOn(LABEL, 90, "", GenesisGateStepJenkinsTest.GATE));

        // then
        assertThat(build.result()).as(build.console()).isEqualTo(SUCCESS);
        assertThat(build.console())
                .containsPattern("on slave\\d+")
                .contains("genesis gate for staging: PASSED")
                .contains("  passed    read 1 test report and 1 coverage report")
                .contains("returned verdict=PASSED passRate=95.0 total=20 line=90.0 criteria=3")
                .doesNotContain("ClassFilter", "rejected");
    }

    @Test
    void shouldBringAFailedVerdictBackFromTheAgent(JenkinsRule j) throws Exception {
        // given
        startAgent(j, LABEL);

        // when: an unreadable report on the agent
        Build build = run(
                j,
                "brokenonagent",
                GenesisGateStepJenkinsTest.pipelineOn(
                        LABEL,
                        90,
                        "writeFile file: 'target/surefire-reports/TEST-Broken.xml', text: '<testsuite'\n",
                        GenesisGateStepJenkinsTest.GATE));

        // then: the engine's message, not a remoting or class filter error
        assertThat(build.result()).isEqualTo(FAILURE);
        assertThat(build.console())
                .contains("genesis gate for staging: FAILED")
                .contains("TEST-Broken.xml")
                .doesNotContain("ClassFilter", "rejected");
    }
}
