package io.genesis.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.watch.FileWatchStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state file cut short is closed with a record once nobody can still be running what it held. */
class UnreadableStatesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String ID = "r-1a2b3c4d5e6-abcdef";
    private static final DeploymentKey SHOP = new DeploymentKey("shop", "staging");
    /** The start of a rollout's state as Genesis writes it, cut off inside its target's settings. */
    private static final String TORN = "{\"id\":\"" + ID + "\",\"revision\":7,\"request\":{\"key\":{\"application\":"
            + "\"shop\",\"environment\":\"staging\"},\"commit\":\"1a2b3c4\",\"version\":\"1.4.0\",\"strategy\":"
            + "\"canary\",\"target\":{\"kind\":\"kubernetes\",\"settings\":{\"token\":\"s3cret-value\",\"namesp";

    @TempDir
    Path state;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final UnreadableStates closer =
            new UnreadableStates(clock, owner -> owner.startsWith("ended"), Duration.ofMinutes(1));

    private FileRolloutStateStore states() {
        return new FileRolloutStateStore(state.resolve("rollouts"));
    }

    private FileRolloutLock locks() {
        return new FileRolloutLock(state.resolve("locks"));
    }

    private JsonLinesHistoryStore history() {
        return new JsonLinesHistoryStore(state.resolve("history.jsonl"));
    }

    private Path torn(String name, String text, Duration age) throws IOException {
        Path file = state.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    private List<String> close() {
        return closer.closeRollouts(states(), locks(), history());
    }

    @Test
    void shouldCloseARolloutWhoseEngineHasEndedWithARecordAndFreeItsLock() throws IOException {
        Path file = torn("rollouts/" + ID + ".json", TORN, Duration.ZERO);
        locks().acquire(SHOP, ID, "ended-engine", NOW.minusSeconds(30), Duration.ofHours(1));

        List<String> said = close();

        DeploymentRecord record = history().read().records().get(0);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(record.id()).isEqualTo(ID);
        softly.assertThat(record.key()).isEqualTo(SHOP);
        softly.assertThat(record.status()).isEqualTo(RecordStatus.FAILED);
        softly.assertThat(record.version()).isEqualTo("1.4.0");
        softly.assertThat(record.strategy()).isEqualTo("canary");
        softly.assertThat(record.endedAt()).isEqualTo(NOW);
        softly.assertThat(record.reason())
                .startsWith("closed unfinished by genesis: its state file could not be read (" + file + ", line 1")
                .contains("Check by hand what shop in staging serves");
        softly.assertThat(record.notes())
                .anyMatch(n -> n.contains("it held the lock on shop in staging (engine ended-engine"))
                .contains("its unreadable state file is kept as " + file + UnreadableStates.KEPT_SUFFIX);
        softly.assertThat(file).doesNotExist();
        softly.assertThat(Path.of(file + UnreadableStates.KEPT_SUFFIX)).hasContent(TORN);
        softly.assertThat(locks().current(SHOP)).isEmpty();
        softly.assertThat(said)
                .singleElement()
                .asString()
                .startsWith("closed rollout " + ID + " (shop in staging)" + " FAILED in the history");
        softly.assertThat(String.join("\n", said) + record).doesNotContain("s3cret");
        softly.assertAll();
    }

    @Test
    void shouldLeaveARolloutAloneWhileItsEngineMayStillRunIt() throws IOException {
        Path file = torn("rollouts/" + ID + ".json", TORN, Duration.ofHours(2));
        locks().acquire(SHOP, ID, "live-engine", NOW.minusSeconds(30), Duration.ofMinutes(1));

        List<String> said = close();

        assertThat(said).isEmpty();
        assertThat(history().read().records()).isEmpty();
        assertThat(file).exists();
        assertThat(locks().current(SHOP)).isPresent();
    }

    @Test
    void shouldCloseARolloutWhoseLiveEnginesClaimHasLapsed() throws IOException {
        torn("rollouts/" + ID + ".json", TORN, Duration.ZERO);
        locks().acquire(SHOP, ID, "live-engine", NOW.minusSeconds(90), Duration.ofMinutes(1));

        assertThat(close()).singleElement().asString().contains("its lock is released");
        assertThat(locks().current(SHOP)).isEmpty();
    }

    @Test
    void shouldWaitForAFileNothingElseNamesToBeLeftAloneLongerThanAClaimLasts() throws IOException {
        Path file = torn("rollouts/" + ID + ".json", TORN, Duration.ofSeconds(30));

        assertThat(close()).isEmpty();
        assertThat(file).exists();

        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofMinutes(2))));
        assertThat(close()).singleElement().asString().contains("FAILED in the history");
        assertThat(history().read().records())
                .singleElement()
                .extracting(DeploymentRecord::key)
                .isEqualTo(SHOP);
    }

    @Test
    void shouldAbortARolloutThatWasStillQueuedWhenItsFileWasCut() throws IOException {
        torn(
                "rollouts/" + ID + ".json",
                "{\"id\":\"" + ID + "\",\"request\":{\"key\":{\"application\":\"shop\",\"environment\":\"staging\"}},"
                        + "\"owner\":\"ended-engine\",\"stage\":\"QUEUED\",\"st",
                Duration.ZERO);

        close();

        DeploymentRecord record = history().read().records().get(0);
        assertThat(record.status()).isEqualTo(RecordStatus.ABORTED);
        assertThat(record.reason())
                .startsWith("closed before it started by genesis")
                .doesNotContain("by hand");
    }

    @Test
    void shouldNotRecordARolloutTwiceWhenItsRecordWasWrittenBeforeTheFileWasCut() throws IOException {
        torn("rollouts/" + ID + ".json", TORN, Duration.ofHours(1));
        close();
        Path again = torn("rollouts/" + ID + ".json", TORN, Duration.ofHours(1));

        assertThat(close()).hasSize(1);

        assertThat(history().read().records()).hasSize(1);
        assertThat(Files.readAllLines(state.resolve("history.jsonl"))).hasSize(1);
        assertThat(again).doesNotExist();
    }

    @Test
    void shouldSayWhatToDoWhenNothingTellsWhichApplicationItWasFor() throws IOException {
        Path file = torn("rollouts/" + ID + ".json", "{\"id\":\"" + ID + "\",\"revi", Duration.ofHours(1));

        List<String> said = close();

        assertThat(said)
                .singleElement()
                .asString()
                .startsWith("cannot close rollout " + ID + ": " + file + ", line 1")
                .contains("neither it nor a lock says which application and environment")
                .contains("move " + file + " out of the state directory");
        assertThat(file).exists();
        assertThat(history().read().records()).isEmpty();
    }

    @Test
    void shouldCloseAWatchWhoseEngineHasEndedWithANoteOnItsRolloutsRecord() throws IOException {
        torn("rollouts/" + ID + ".json", TORN, Duration.ofHours(1));
        close();
        Path file = torn(
                "watches/w-1a2b3c4d5e6-abcdef.json",
                "{\"id\":\"w-1a2b3c4d5e6-abcdef\",\"revision\":40,\"request\":{\"key\":{\"application\":\"shop\","
                        + "\"environment\":\"staging\"},\"version\":\"1.4.0\",\"rolloutId\":\"" + ID
                        + "\",\"metrics\":{\"kind\":\"prome",
                Duration.ofHours(1));

        List<String> said = closer.closeWatches(new FileWatchStore(state.resolve("watches")), history());

        assertThat(said)
                .singleElement()
                .asString()
                .startsWith("closed watch w-1a2b3c4d5e6-abcdef (shop in staging): its state file could not be read")
                .contains("noted in the record of rollout " + ID);
        assertThat(history().read().records())
                .singleElement()
                .satisfies(r -> assertThat(r.notes())
                        .last()
                        .asString()
                        .startsWith("its post-deploy watch w-1a2b3c4d5e6-abcdef was closed unfinished by genesis")
                        .contains("nothing watches shop in staging any more"));
        assertThat(file).doesNotExist();
        assertThat(new FileWatchStore(state.resolve("watches")).list()).isEmpty();
    }

    @Test
    void shouldLeaveAWatchAloneWhileItsClaimRuns() throws IOException {
        Path file = torn(
                "watches/w-1a2b3c4d5e6-abcdef.json",
                "{\"id\":\"w-1a2b3c4d5e6-abcdef\",\"request\":{\"key\":{\"application\":\"shop\",\"environment\":"
                        + "\"staging\"}},\"owner\":\"live-engine\",\"leaseExpiresAt\":\"2026-03-01T10:00:40Z\",\"st",
                Duration.ofHours(1));

        assertThat(closer.closeWatches(new FileWatchStore(state.resolve("watches")), history()))
                .isEmpty();
        assertThat(file).exists();
    }
}
