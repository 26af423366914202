package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.freeze.CronSchedule;
import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.freeze.FreezeWindow;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.plan.StrategySettings;
import io.genesis.core.target.RecordingTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The second freeze check: a blue-green rollout started just before the weekend freeze reaches
 * promotion inside it, on the simulated clock, in the week the clocks in Berlin spring forward.
 */
class PromotionFreezeTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Friday 26 March 2027, 17:55 in Berlin (CET): five minutes before the weekend freeze. */
    static final Instant FRIDAY_EVENING = Instant.parse("2027-03-26T16:55:00Z");
    /** Friday 18:00 CET plus 62 hours, across Sunday's change to CEST: Monday 09:00 CEST. */
    static final Instant FREEZE_ENDS = Instant.parse("2027-03-29T07:00:00Z");

    static final FreezeCalendar WEEKEND = new FreezeCalendar(List.of(
            new FreezeWindow.Recurring("weekend", BERLIN, CronSchedule.parse("0 18 * * FRI"), Duration.ofHours(62))));

    private final Harness world = Harness.inMemory();
    private final Orchestrator engine = world.engine(key -> WEEKEND);

    @Test
    void shouldWaitAtPromotionUntilTheFreezeEnds() {
        RolloutId id = submit("");
        RecordingTarget target = world.target("shop", Harness.STAGING);

        world.runUntil(FREEZE_ENDS.minusSeconds(60));

        assertThat(target.stable()).as("not promoted during the freeze").isEqualTo("1.0.0");
        String waiting = "waiting: staging is frozen until 2027-03-29T09:00+02:00[Europe/Berlin] (weekend);"
                + " promote after the freeze, or roll back";
        assertThat(world.messages()).containsOnlyOnce(waiting);

        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.notes()).contains(waiting);
        assertThat(target.stable()).isNotEqualTo("1.0.0");
        assertThat(record.phases())
                .filteredOn(phase -> phase.kind().equals("promote"))
                .singleElement()
                .satisfies(phase -> assertThat(phase.endedAt()).isAfterOrEqualTo(FREEZE_ENDS));
    }

    @Test
    void shouldPromoteAForcedRolloutAndNoteTheOverrideAgain() {
        RolloutId id = submit("hotfix for the payment outage");
        RecordingTarget target = world.target("shop", Harness.STAGING);

        world.runUntil(FRIDAY_EVENING.plus(Duration.ofHours(2)));

        assertThat(target.stable()).as("promoted inside the freeze").isNotEqualTo("1.0.0");
        world.drive(engine);
        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.notes())
                .filteredOn(note -> note.startsWith("freeze overridden at promotion: hotfix for the payment outage"))
                .hasSize(1);
    }

    @Test
    void shouldRollBackWhileWaitingForTheFreezeToEnd() {
        RolloutId id = submit("");
        RecordingTarget target = world.target("shop", Harness.STAGING);
        world.runUntil(FRIDAY_EVENING.plus(Duration.ofHours(5)));
        assertThat(target.stable()).as("waiting at promotion").isEqualTo("1.0.0");
        assertThat(world.messages()).anyMatch(line -> line.startsWith("waiting: staging is frozen until "));

        engine.rollback(id, "found a bug over the weekend", "carol");
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("found a bug over the weekend");
        assertThat(world.clock.instant())
                .as("the rollback did not wait for the freeze")
                .isBefore(FREEZE_ENDS);
        assertThat(target.stable()).isEqualTo("1.0.0");
    }

    private RolloutId submit(String forcedBecause) {
        world.clock.advanceTo(FRIDAY_EVENING);
        return engine.submit(world.request("shop", Harness.STAGING)
                .strategy("blueGreen")
                .shifts(StrategySettings.parseShifts("shifts", "100:10m"))
                .freezeOverride(forcedBecause)
                .build());
    }
}
