package io.jenkins.plugins.genesis.gate;

import static io.jenkins.plugins.genesis.LiveJenkins.SUCCESS;
import static io.jenkins.plugins.genesis.LiveJenkins.action;
import static io.jenkins.plugins.genesis.LiveJenkins.get;
import static io.jenkins.plugins.genesis.LiveJenkins.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * The gate's build action survives a Jenkins restart: written by XStream with the build, read back
 * by a new Jenkins on the same home, past the class filter, and shown as before. Run by the real
 * build only.
 */
class GateBuildActionReloadJenkinsTest {

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static final String API =
            "job/reloaded/1/api/json?tree=actions[verdict,decided,environment,forcedBy,overrideReason,"
                    + "criteria[name,kind,criticality,status]]";

    @Test
    void shouldShowTheSameVerdictAfterARestart() throws Throwable {
        String[] before = new String[1];
        sessions.then(j -> {
            // given: a forced gate, so every field of the action is set
            assertThat(run(
                                    j,
                                    "reloaded",
                                    GenesisGateStepJenkinsTest.pipeline(
                                            50,
                                            GenesisGateStepJenkinsTest.GATE
                                                    + ", force: true, reason: 'INC-1234: hotfix'"))
                            .result())
                    .isEqualTo(SUCCESS);
            before[0] = action(get(j, API), GateBuildAction.class.getName());
        });
        sessions.then(j -> {
            // when: a new Jenkins reads the build from disk
            String after = action(get(j, API), GateBuildAction.class.getName());

            // then
            assertThat(after)
                    .isEqualTo(before[0])
                    .contains("\"verdict\":\"OVERRIDDEN\"", "\"forcedBy\":\"SYSTEM\"", "\"kind\":\"coverage\"");
            assertThat(get(j, "job/reloaded/1/")).contains("forced through by SYSTEM", "INC-1234: hotfix");
        });
    }
}
