package io.genesis.core.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PromotionPath;
import io.genesis.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionCheckTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryHistoryStore history = new InMemoryHistoryStore();
    private final PromotionCheck check = new PromotionCheck(history, clock);
    private final Environment production = Environments.defaults().named("production");
    private final Environment soaking =
            production.withPromotion(new PromotionPath(List.of("staging"), Duration.ofHours(1)));

    private void deployed(String id, String environment, String version, RecordStatus status, Instant ended) {
        history.append(new DeploymentRecord(
                id,
                "shop",
                environment,
                version,
                "abc1234",
                null,
                null,
                "rolling",
                "ci",
                null,
                ended,
                ended,
                status,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    }

    private Optional<String> deploy(Environment environment, boolean force, String reason) {
        return check.check(environment, "shop", "1.2.3", force, reason, "--force", "--reason");
    }

    @Test
    void shouldRefuseAVersionNeverDeployedToStaging() {
        deployed("r-1", "staging", "1.2.2", RecordStatus.SUCCEEDED, T0);
        deployed("r-2", "production", "1.2.3", RecordStatus.SUCCEEDED, T0);

        assertThatThrownBy(() -> deploy(production, false, null))
                .isInstanceOf(PromotionRefusedException.class)
                .hasMessage("shop 1.2.3 may not go to production yet: production requires a successful deployment in"
                        + " staging, and 1.2.3 was never deployed there; fix: deploy it there first and let it"
                        + " succeed, or bypass the promotion path with --force --reason TEXT");
    }

    @Test
    void shouldRefuseAVersionThatOnlyFailedInStaging() {
        deployed("r-1", "staging", "1.2.3", RecordStatus.FAILED, T0);
        deployed("r-2", "staging", "1.2.3", RecordStatus.ROLLED_BACK, T0.plusSeconds(60));

        assertThatThrownBy(() -> deploy(production, false, null))
                .isInstanceOf(PromotionRefusedException.class)
                .hasMessageContaining("1.2.3 only ended ROLLED_BACK (r-2), FAILED (r-1) there")
                .hasMessageContaining("--force --reason TEXT");
    }

    @Test
    void shouldRefuseWhileTheSoakIsNotOverAndSayHowLongIsLeft() {
        deployed("r-1", "staging", "1.2.3", RecordStatus.SUCCEEDED, T0);
        clock.advance(Duration.ofMinutes(20));

        assertThatThrownBy(() -> deploy(soaking, false, null))
                .isInstanceOf(PromotionRefusedException.class)
                .hasMessageContaining("production requires 1 h of soak in staging, and 1.2.3 succeeded there 20 min"
                        + " ago (r-1): 40 min left");
    }

    @Test
    void shouldAllowAVersionThatPassedStagingAndSoaked() {
        deployed("r-1", "staging", "1.2.3", RecordStatus.SUCCEEDED, T0);
        clock.advance(Duration.ofHours(1));

        assertThat(deploy(soaking, false, null)).isEmpty();
        assertThat(deploy(production, false, null)).isEmpty();
    }

    @Test
    void shouldLetEnvironmentsWithoutAPathDeployAnything() {
        assertThat(deploy(Environments.defaults().named("staging"), false, null))
                .isEmpty();
    }

    @Test
    void shouldRefuseABypassWithoutAReason() {
        assertThatThrownBy(() -> deploy(production, true, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--force needs --reason");
    }

    @Test
    void shouldRefuseABypassWhereTheEnvironmentAllowsNoForce() {
        assertThatThrownBy(() -> deploy(production.withAllowForce(false), true, "hotfix"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("force is not allowed for production");
    }

    @Test
    void shouldReturnTheBypassWithItsReasonForTheRecord() {
        deployed("r-1", "staging", "1.2.3", RecordStatus.FAILED, T0);

        assertThat(deploy(production, true, " hotfix for INC-42 "))
                .contains("promotion path bypassed with --force: hotfix for INC-42 (production requires a successful"
                        + " deployment in staging, and 1.2.3 only ended FAILED (r-1) there)");
    }
}
