package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import java.util.List;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Configuration as Code of each environment's notification targets: {@code notify/configuration-as-code.yaml}
 * is applied, applied again through the web UI, and read back after a restart; each time the targets name
 * the same credentials. Run by the real plugin build (docs/building.md).
 */
class NotificationTargetsCascJenkinsTest extends AbstractRoundTripTest {

    @Override
    protected String configResource() {
        return "notify/configuration-as-code.yaml";
    }

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        List<NotificationTargetConfig> targets = GenesisConfiguration.get()
                .environment("production")
                .orElseThrow()
                .getNotify();
        assertThat(targets).extracting(NotificationTargetConfig::getName).containsExactly("ops", "pager");
        assertThat(targets)
                .extracting(NotificationTargetConfig::getCredentialsId)
                .containsExactly("slack-webhook-url", "pagerduty-routing-key");
        assertThat(targets.get(1).getEvents()).containsExactly("watch.critical", "watch.resolved");
        assertThat(GenesisConfiguration.get().toNotificationTargets().channels("production"))
                .hasSize(2);
    }

    @Override
    protected String stringInLogExpected() {
        return "pagerduty-routing-key";
    }
}
