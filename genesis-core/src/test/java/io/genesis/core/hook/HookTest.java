package io.genesis.core.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HookTest {

    @ParameterizedTest
    @CsvSource({
        "pre-traffic, PRE_TRAFFIC",
        "preTraffic, PRE_TRAFFIC",
        "before_deploy, BEFORE_DEPLOY",
        "AFTER-PROMOTION, AFTER_PROMOTION",
        "onRollback, ON_ROLLBACK"
    })
    void shouldReadAPhaseInEitherSpelling(String text, HookPhase phase) {
        assertThat(HookPhase.parse("--hook", text)).isEqualTo(phase);
    }

    @Test
    void shouldNameTheKnownPhasesForAnUnknownOne() {
        assertThatThrownBy(() -> HookPhase.parse("--hook", "after-deploy"))
                .hasMessage("--hook: unknown hook phase 'after-deploy'; use one of before-deploy, pre-traffic,"
                        + " after-promotion, on-rollback");
    }

    @Test
    void shouldRefuseAWebhookAddressThatCarriesACredential() {
        assertThatThrownBy(() -> Hook.webhook(HookPhase.PRE_TRAFFIC, "https://127.0.0.1/hook?token=s3cret"))
                .hasMessageContaining("carries a credential")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void shouldRefuseAWebhookThatIsNotHttp() {
        assertThatThrownBy(() -> Hook.webhook(HookPhase.PRE_TRAFFIC, "ftp://127.0.0.1/hook"))
                .hasMessageContaining("hooks.preTraffic.webhook must be an http or https address");
    }

    @ParameterizedTest
    @CsvSource({"PT0.5S, false", "PT1S, true", "PT2H, true", "PT2H1S, false"})
    void shouldBoundTheTimeout(Duration timeout, boolean accepted) {
        Hook hook = Hook.command(HookPhase.PRE_TRAFFIC, "true");
        if (accepted) {
            assertThat(hook.withTimeout(timeout).timeout()).isEqualTo(timeout);
        } else {
            assertThatThrownBy(() -> hook.withTimeout(timeout)).hasMessageStartingWith("hooks.preTraffic.timeout");
        }
    }

    @Test
    void shouldRefuseRetriesForACommand() {
        assertThatThrownBy(() -> Hook.command(HookPhase.PRE_TRAFFIC, "true").withRetries(1))
                .hasMessageContaining("retries applies to webhooks only");
    }

    @Test
    void shouldRefuseAReportPatternOutsideTheWorkspace() {
        assertThatThrownBy(() -> Hook.command(HookPhase.PRE_TRAFFIC, "true").withJunit("../x.xml", null))
                .hasMessageStartingWith("hooks.preTraffic.junit: ");
    }

    @Test
    void shouldGiveAWebhookItsRetriesInItsBudget() {
        Hook hook = Hook.webhook(HookPhase.BEFORE_DEPLOY, "http://127.0.0.1/b")
                .withTimeout(Duration.ofSeconds(10))
                .withRetries(2);

        assertThat(hook.budget()).isEqualTo(Duration.ofSeconds(30));
        assertThat(hook.describe()).isEqualTo("webhook http://127.0.0.1/b (2 retries)");
    }

    @Test
    void shouldMaskASecretInACommandWhereverItIsSaid() {
        assertThat(Hook.command(HookPhase.PRE_TRAFFIC, "curl https://bob:pw123@127.0.0.1/x")
                        .describe())
                .isEqualTo("command 'curl https://****@127.0.0.1/x'");
    }
}
