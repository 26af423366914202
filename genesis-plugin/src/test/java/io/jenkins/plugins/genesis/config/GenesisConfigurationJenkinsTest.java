package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Environments;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The global configuration inside a real Jenkins: defaults, the form, and XStream persistence. */
@WithJenkins
class GenesisConfigurationJenkinsTest {

    @Test
    void shouldStartWithTheReleaseGuideDefaults(JenkinsRule j) {
        assertThat(GenesisConfiguration.get().toPolicy()).isEqualTo(Environments.defaults());
    }

    @Test
    void shouldKeepEveryFieldThroughTheConfigurationPage(JenkinsRule j) throws Exception {
        // given
        GenesisConfiguration.get().setEnvironments(List.of(canary(), qa()));
        Environments before = GenesisConfiguration.get().toPolicy();

        // when
        j.configRoundtrip();

        // then
        assertThat(GenesisConfiguration.get().toPolicy()).isEqualTo(before);
    }

    @Test
    void shouldSaveAPageWithoutEnvironmentsAsNoEnvironments(JenkinsRule j) throws Exception {
        // given
        GenesisConfiguration.get().setEnvironments(List.of());

        // when
        j.configRoundtrip();

        // then
        assertThat(GenesisConfiguration.get().getEnvironments()).isEmpty();
    }

    @Test
    void shouldReadBackWhatItSaved(JenkinsRule j) {
        // given
        GenesisConfiguration.get().setEnvironments(List.of(canary(), qa()));

        // when: a second instance reads the file the first one wrote
        GenesisConfiguration reloaded = new GenesisConfiguration();

        // then
        assertThat(reloaded.toPolicy()).isEqualTo(GenesisConfiguration.get().toPolicy());
    }

    static EnvironmentConfig canary() {
        EnvironmentConfig canary = new EnvironmentConfig("eu-canary");
        canary.setMinPassRate(99.5);
        canary.setMinCoverage(80.0);
        canary.setApprovalRequired(true);
        canary.setApprovers(List.of("alice", "bob"));
        canary.setApproverGroups(List.of("release-managers"));
        canary.setWaitTimerMinutes(10);
        canary.setAllowedBranches(List.of("main"));
        canary.setAllowedTags(List.of("v*"));
        canary.setWatchHours(24);
        canary.setRequiresPassed(List.of("qa"));
        canary.setMinSoakMinutes(30);
        CriticalityConfig criticality = new CriticalityConfig();
        criticality.setCoverage("unstable");
        criticality.setFindings("failure");
        canary.setCriticality(criticality);
        FindingsConfig findings = new FindingsConfig();
        findings.setCritical(0L);
        findings.setHigh(2L);
        findings.setSecrets(0L);
        canary.setFindings(findings);
        canary.setHealthDeadlineMinutes(20);
        return canary;
    }

    static EnvironmentConfig qa() {
        EnvironmentConfig qa = new EnvironmentConfig("qa");
        qa.setMinPassRate(90.0);
        qa.setMinCoverage(70.0);
        qa.setAllowedBranches(List.of("main", "feature/**"));
        qa.setAllowForce(false);
        return qa;
    }
}
