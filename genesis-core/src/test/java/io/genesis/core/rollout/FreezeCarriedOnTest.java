package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.freeze.FreezeWindow;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.plan.StrategySettings;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.target.RecordingTarget;
import io.genesis.core.time.TimeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The freeze windows travel with the rollout: one started by an engine that knows the environment's freezes
 * and carried on by another that knows none (genesis serve, genesis rollback, a restarted controller) still
 * waits at promotion while a window holds. On disk, so the request is read back from its JSON.
 */
class FreezeCarriedOnTest {

    private static final Instant FRIDAY_EVENING = PromotionFreezeTest.FRIDAY_EVENING;
    private static final Instant FREEZE_ENDS = PromotionFreezeTest.FREEZE_ENDS;

    /** Berlin's weekend freeze (from Friday 18:00 for 62 hours) and a dated year-end freeze. */
    private static final FreezeCalendar WEEKEND =
            PromotionFreezeTest.WEEKEND.plus(new FreezeCalendar(List.of(new FreezeWindow.Dated(
                    "year end",
                    PromotionFreezeTest.BERLIN,
                    LocalDateTime.parse("2027-12-20T00:00"),
                    LocalDateTime.parse("2028-01-04T09:00")))));

    private static final String WAITING = "waiting: staging is frozen until 2027-03-29T09:00+02:00[Europe/Berlin]"
            + " (weekend); promote after the freeze, or roll back";

    @TempDir
    Path directory;

    private Harness world;

    @BeforeEach
    void onDisk() {
        world = Harness.onDisk(directory, false);
    }

    /** Submits shop to staging at Friday 17:55 with a 10-minute shift, and runs it into that shift. */
    private RolloutId startOn(Orchestrator engine) {
        world.clock.advanceTo(FRIDAY_EVENING);
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING)
                .strategy("blueGreen")
                .shifts(StrategySettings.parseShifts("shifts", "100:10m"))
                .build());
        world.runUntil(FRIDAY_EVENING.plusSeconds(60));
        return id;
    }

    /** The process that carried it died; another, that knows no freeze, takes it on, and is driven to the end. */
    private DeploymentRecord resumeWithoutCalendarsUntilTheFreezeEnds(RolloutId id) {
        RecordingTarget target = world.target("shop", Harness.STAGING);
        Orchestrator second = world.restart("engine-2");
        assertThat(second.reconcile().resumed()).contains(id);

        world.runUntil(FREEZE_ENDS.minusSeconds(60));

        assertThat(target.stable()).as("not promoted during the freeze").isEqualTo("1.0.0");
        assertThat(world.messages()).containsOnlyOnce(WAITING);
        world.drive(second);
        return world.record(id).orElseThrow();
    }

    @Test
    void shouldWaitAtPromotionWhenAnEngineWithoutCalendarsCarriesItOn() {
        RolloutId id = startOn(world.engine(key -> WEEKEND));

        DeploymentRecord record = resumeWithoutCalendarsUntilTheFreezeEnds(id);

        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.notes()).contains(WAITING);
        assertThat(world.target("shop", Harness.STAGING).stable()).isNotEqualTo("1.0.0");
        assertThat(record.phases())
                .filteredOn(phase -> phase.kind().equals("promote"))
                .singleElement()
                .satisfies(phase -> assertThat(phase.endedAt()).isAfterOrEqualTo(FREEZE_ENDS));
    }

    @Test
    void shouldStoreTheCalendarWithTheRequest() {
        RolloutId id = startOn(world.engine(key -> WEEKEND));

        RolloutState stored = new FileRolloutStateStore(directory.resolve("rollouts"))
                .load(id)
                .orElseThrow();

        assertThat(stored.request().freezes()).isEqualTo(WEEKEND);
    }

    @Test
    void shouldLetTheResumingHostAddWindows() {
        RolloutId id = startOn(world.engine());
        RecordingTarget target = world.target("shop", Harness.STAGING);

        // A host with trusted configuration of its own (a restarted controller): its windows hold too.
        Orchestrator second = world.restart("engine-2", key -> WEEKEND);
        assertThat(second.reconcile().resumed()).contains(id);
        world.runUntil(FREEZE_ENDS.minusSeconds(60));

        assertThat(target.stable()).as("the resuming host's freeze holds").isEqualTo("1.0.0");
        world.drive(second);
        assertThat(world.record(id).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
    }

    @Test
    void shouldLoadAStateStoredBeforeRequestsCarriedFreezes() throws IOException {
        RolloutId id = startOn(world.engine());
        Path file;
        try (Stream<Path> files = Files.list(directory.resolve("rollouts"))) {
            file = files.filter(path -> path.getFileName().toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
        }
        ObjectMapper json = TimeJson.mapper();
        ObjectNode state = (ObjectNode) json.readTree(file.toFile());
        assertThat(((ObjectNode) state.get("request")).remove("freezes"))
                .as("stored today")
                .isNotNull();
        Files.writeString(file, json.writeValueAsString(state));

        assertThat(new FileRolloutStateStore(directory.resolve("rollouts")).load(id))
                .hasValueSatisfying(
                        loaded -> assertThat(loaded.request().freezes()).isEqualTo(FreezeCalendar.NONE));
        Orchestrator second = world.restart("engine-2");
        assertThat(second.reconcile().resumed()).contains(id);
        world.drive(second);

        assertThat(world.record(id).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
    }
}
