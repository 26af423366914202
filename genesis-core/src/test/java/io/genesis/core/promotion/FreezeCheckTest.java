package io.genesis.core.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.freeze.CronSchedule;
import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.freeze.FreezeWindow;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreezeCheckTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T17:30:00Z"));
    private final Environment production = Environments.defaults().named("production");
    private final FreezeCalendar weekend = new FreezeCalendar(List.of(new FreezeWindow.Recurring(
            "weekend", ZoneId.of("Europe/Berlin"), CronSchedule.parse("0 18 * * FRI"), Duration.ofHours(62))));
    private final FreezeCheck check = new FreezeCheck(clock);

    @Test
    void shouldRefuseADeployDuringAFreezeAndSayUntilWhen() {
        assertThatThrownBy(() -> check.check(production, weekend, false, null, "--force", "--reason"))
                .isInstanceOf(PromotionRefusedException.class)
                .hasMessage("no deploys to production now: production is frozen until"
                        + " 2026-12-07T08:00+01:00[Europe/Berlin] (weekend); fix: deploy after the freeze, or override it"
                        + " with --force --reason TEXT");
    }

    @Test
    void shouldLetADeployThroughOutsideTheFreezeAsTheClockMoves() {
        clock.advanceTo(Instant.parse("2026-12-07T07:00:00Z"));

        assertThat(check.check(production, weekend, false, null, "--force", "--reason"))
                .isEmpty();
        assertThat(check.check(production, FreezeCalendar.NONE, false, null, "--force", "--reason"))
                .isEmpty();
    }

    @Test
    void shouldRecordAnOverrideWithItsReasonAndRefuseOneWithout() {
        assertThat(check.check(production, weekend, true, " INC-42 hotfix ", "force", "reason"))
                .contains("freeze overridden with force: INC-42 hotfix (production is frozen until"
                        + " 2026-12-07T08:00+01:00[Europe/Berlin] (weekend))");
        assertThatThrownBy(() -> check.check(production, weekend, true, " ", "--force", "--reason"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--force needs --reason");
        assertThatThrownBy(
                        () -> check.check(production.withAllowForce(false), weekend, true, "x", "--force", "--reason"))
                .hasMessageStartingWith("force is not allowed for production");
    }

    @Test
    void shouldCarryTheReasonToPromotionOnlyForAnAllowedForceWithAReason() {
        assertThat(FreezeCheck.promotionOverride(production, true, " INC-42 hotfix "))
                .isEqualTo("INC-42 hotfix");
        assertThat(FreezeCheck.promotionOverride(production, false, null)).isEmpty();
        assertThat(FreezeCheck.promotionOverride(production, true, " ")).isEmpty();
        assertThat(FreezeCheck.promotionOverride(production.withAllowForce(false), true, "x"))
                .isEmpty();
    }
}
