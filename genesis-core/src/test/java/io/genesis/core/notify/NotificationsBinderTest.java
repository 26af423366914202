package io.genesis.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.CheckoutPolicy;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyCases;
import io.genesis.core.policy.PolicyException;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationsBinderTest {

    private static final String PRODUCTION = """
            environments:
              - name: production
                minPassRate: 98
                minCoverage: 85
                notify:
                  - name: ops
                    type: slack
                    urlEnv: SLACK_WEBHOOK_URL
                    links: {Dashboard: "https://grafana.example/d/shop"}
                  - name: pager
                    type: pagerduty
                    routingKeyFile: /etc/genesis/pagerduty-key
                  - name: audit
                    type: webhook
                    url: https://audit.example/genesis
                    events: [rollout.promoted, rollout.rolled-back]
              - name: staging
                minPassRate: 95
                minCoverage: 85
            """;

    @Test
    void shouldReadEachChannelWithItsSecretByReference() {
        NotificationTargets targets = NotificationsBinder.bind(PolicyCases.tree(PRODUCTION));

        assertThat(targets.channels("staging")).isEmpty();
        assertThat(targets.channels("production"))
                .containsExactly(
                        new Channel(
                                "ops",
                                ChannelType.SLACK,
                                new SecretRef(SecretRef.Source.ENVIRONMENT, "SLACK_WEBHOOK_URL"),
                                null,
                                null,
                                Map.of("Dashboard", "https://grafana.example/d/shop")),
                        new Channel(
                                "pager",
                                ChannelType.PAGERDUTY,
                                new SecretRef(SecretRef.Source.FILE, "/etc/genesis/pagerduty-key"),
                                null,
                                null,
                                Map.of()),
                        new Channel(
                                "audit",
                                ChannelType.WEBHOOK,
                                null,
                                "https://audit.example/genesis",
                                EnumSet.of(NotificationKind.ROLLOUT_PROMOTED, NotificationKind.ROLLOUT_ROLLED_BACK),
                                Map.of()));
        assertThat(targets.channel("production", "pager").orElseThrow().events())
                .containsExactlyInAnyOrder(
                        NotificationKind.ROLLOUT_FAILED,
                        NotificationKind.WATCH_CRITICAL,
                        NotificationKind.WATCH_RESOLVED,
                        NotificationKind.WATCH_ENDED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {name: ops, type: slack}                                    | notify[0] (ops): channel ops (slack) needs exactly one of url, urlEnv, urlFile or credentialsId
            {name: ops, type: teams, urlEnv: X}                         | unknown channel type 'teams'; use one of webhook, slack, pagerduty
            {name: ops, type: slack, urlEnv: X, urlFile: /x}            | notify[0] (ops) names its secret twice; fix: keep one of them
            {name: ops, type: slack, webhook: X}                        | notify[0]: unknown key 'webhook'; fix: use one of the known keys: credentialsId, events, links, name, routingKeyEnv, routingKeyFile, type, url, urlEnv, urlFile
            {name: pd, type: pagerduty, urlEnv: X}                      | notify[0] (pd): urlEnv does not apply to a pagerduty channel; fix: use routingKeyEnv or routingKeyFile
            {name: pd, type: pagerduty}                                 | channel pd (pagerduty) needs its routing key
            {name: Ops, type: slack, urlEnv: X}                         | channel name 'Ops' is not valid
            {name: ops, type: webhook, url: 'http://hooks.example/x'}   | channel ops: url is not an https:// address (plain http only to this machine
            {name: ops, type: webhook, urlEnv: X, events: [deployed]}   | unknown notification event 'deployed'; use one of rollout.started,
            {type: slack, urlEnv: X}                                    | notify[0] needs a name and a type
            """)
    void shouldRefuseABadChannelNamingItAndTheFix(String channel, String expected) {
        String yaml = "environments:\n  - name: qa\n    minPassRate: 90\n    minCoverage: 80\n    notify:\n      - "
                + channel + "\n";

        assertThatThrownBy(() -> NotificationsBinder.bind(PolicyCases.tree(yaml)))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("environments[0] (qa): ")
                .hasMessageContaining(expected);
    }

    @Test
    void shouldNeverRepeatAnInlineAddressInAMessage() {
        String yaml = "environments:\n  - name: qa\n    minPassRate: 90\n    minCoverage: 80\n    notify:\n"
                + "      - {name: ops, type: slack, url: 'http://hooks.slack.example/services/T0/B0/s3cretPath'}\n";

        assertThatThrownBy(() -> NotificationsBinder.bind(PolicyCases.tree(yaml)))
                .isInstanceOf(PolicyException.class)
                .message()
                .doesNotContain("s3cretPath");
    }

    @Test
    void shouldRefuseChannelsFromACheckoutForAProtectedEnvironment() {
        String checkout = "environments:\n  - name: production\n    notify:\n"
                + "      - {name: mine, type: webhook, url: 'https://attacker.example/hook'}\n";

        assertThatThrownBy(() -> CheckoutPolicy.tighten(
                        Environments.defaults(), "the built-in defaults", PolicyCases.tree(checkout)))
                .isInstanceOf(PolicyException.class)
                .hasMessage("environments[0] (production): production is protected, and a checkout may not name where"
                        + " its notifications go (addresses, keys, variables or files holding them); fix: remove notify"
                        + " from this file and keep it in a trusted policy file outside the checkout (--policy,"
                        + " GENESIS_POLICY or ~/.config/genesis/policy.yaml)");
    }

    @Test
    void shouldLetACheckoutNameChannelsForAnEnvironmentThatIsNotProtected() {
        String checkout = "environments:\n  - name: staging\n    notify:\n"
                + "      - {name: team, type: slack, urlEnv: TEAM_SLACK_URL}\n";

        CheckoutPolicy.tighten(Environments.defaults(), "the built-in defaults", PolicyCases.tree(checkout));
        NotificationTargets targets = NotificationsBinder.bind(PolicyCases.tree(checkout));

        assertThat(targets.channels("staging")).extracting(Channel::name).containsExactly("team");
    }
}
