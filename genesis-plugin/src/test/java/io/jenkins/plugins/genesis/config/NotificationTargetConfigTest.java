package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.notify.Channel;
import io.genesis.core.notify.ChannelType;
import io.genesis.core.notify.NotificationKind;
import io.genesis.core.notify.NotificationTargets;
import io.genesis.core.notify.SecretRef;
import io.genesis.core.policy.PolicyCases;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Notification targets in the global configuration, bound as Configuration as Code binds them and read
 * by the engine's binder: the same channels, with the secret named by its credentials id.
 */
class NotificationTargetConfigTest {

    private static final String CASC = """
            environments:
              - name: production
                minPassRate: 98
                minCoverage: 85
                protected: true
                notify:
                  - name: ops
                    type: slack
                    credentialsId: slack-webhook-url
                  - name: pager
                    type: pagerduty
                    credentialsId: pagerduty-routing-key
                    events: [watch.critical, watch.resolved]
              - name: staging
                minPassRate: 95
                minCoverage: 85
            """;

    @Test
    void shouldReadEachTargetWithItsCredentialsId() throws Exception {
        List<EnvironmentConfig> configs = PolicySourcesTest.bindAsCasc(PolicyCases.tree(CASC));

        NotificationTargets targets = EnvironmentTranslation.notifications(configs);

        assertThat(targets.channels("staging")).isEmpty();
        assertThat(targets.channels("production"))
                .containsExactly(
                        new Channel(
                                "ops",
                                ChannelType.SLACK,
                                new SecretRef(SecretRef.Source.CREDENTIALS, "slack-webhook-url"),
                                null,
                                null,
                                Map.of()),
                        new Channel(
                                "pager",
                                ChannelType.PAGERDUTY,
                                new SecretRef(SecretRef.Source.CREDENTIALS, "pagerduty-routing-key"),
                                null,
                                Set.of(NotificationKind.WATCH_CRITICAL, NotificationKind.WATCH_RESOLVED),
                                Map.of()));
        assertThat(EnvironmentValidation.checkAll(configs)).isEmpty();
    }

    @Test
    void shouldRefuseATargetWithoutItsCredentialWithTheEnginesMessage() throws Exception {
        List<EnvironmentConfig> configs = PolicySourcesTest.bindAsCasc(PolicyCases.tree(
                "environments:\n  - name: production\n    minPassRate: 98\n    minCoverage: 85\n    notify:\n"
                        + "      - {name: ops, type: slack}\n"));

        assertThat(EnvironmentValidation.checkAll(configs))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("environments[0] (production): notify[0] (ops): channel ops (slack) needs exactly"
                                + " one of url, urlEnv, urlFile or credentialsId"));
    }
}
