package io.genesis.core.rollout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutStateStore;
import io.genesis.core.rollout.plan.Capabilities;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.rollout.plan.Strategies;
import io.genesis.core.target.TargetSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRolloutStateStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path directory;

    static RolloutState state(String id) {
        RolloutRequest request = RolloutRequest.builder(
                        "shop", Environments.defaults().named("production"))
                .commit("a1b2c3d4e5f6")
                .ref(SourceRef.tag("v1.2.3"))
                .target(new TargetSpec("kubernetes", Map.of("namespace", "prod", "deployment", "shop")))
                .metrics(MetricSpec.of("prometheus"))
                .initiator("bob")
                .build();
        Plan plan = Strategies.named("blueGreen").plan(new Capabilities("k8s", true, true));
        return RolloutState.queued(RolloutId.of(id), request, plan, "k8s", "engine-1", T0, T0.plusSeconds(300));
    }

    @Test
    void shouldReadBackWhatItStored() {
        RolloutStateStore store = new FileRolloutStateStore(directory);
        RolloutState state = state("r-1");

        store.save(state);

        assertThat(store.load(RolloutId.of("r-1"))).contains(state);
        assertThat(store.load(RolloutId.of("r-2"))).isEmpty();
    }

    @Test
    void shouldListStatesInIdOrderAndSkipTemporaryAndUnreadableFiles() throws IOException {
        FileRolloutStateStore store = new FileRolloutStateStore(directory, false);
        store.save(state("r-2"));
        store.save(state("r-1"));
        Files.writeString(directory.resolve(AtomicFiles.TEMPORARY_PREFIX + "r-3.json-abc"), "{half");
        Files.writeString(directory.resolve("r-4.json"), "{half");
        Files.writeString(directory.resolve("notes.txt"), "not a state");

        assertThat(store.list()).extracting(s -> s.id().value()).containsExactly("r-1", "r-2");
        assertThat(store.problems())
                .singleElement()
                .asString()
                .contains("r-4.json skipped: not a readable rollout state")
                .contains("Fix: see 'genesis history' for its record and check its target by hand; then move the file"
                        + " out of " + directory);
    }

    @Test
    void shouldListNothingBeforeAnythingWasStored() {
        assertThat(new FileRolloutStateStore(directory.resolve("missing")).list())
                .isEmpty();
    }

    @Test
    void shouldReplaceAStateAtomically() throws IOException {
        RolloutStateStore store = new FileRolloutStateStore(directory);
        RolloutState first = state("r-1");
        store.save(first);
        RolloutState second = first.edit().revision(7).build();

        store.save(second);

        assertThat(store.load(first.id())).contains(second);
        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("r-1.json");
        }
    }

    @Test
    void shouldSayWhatItCouldNotStore() throws IOException {
        Path file = directory.resolve("file");
        Files.writeString(file, "x");
        RolloutStateStore store = new FileRolloutStateStore(file);

        assertThatThrownBy(() -> store.save(state("r-1")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("could not store rollout r-1 in");
        assertThatThrownBy(store::list).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldKeepTheSameJsonInMemory() {
        InMemoryRolloutStateStore store = new InMemoryRolloutStateStore();
        RolloutState state = state("r-1");

        store.save(state);

        assertThat(store.load(state.id())).contains(state);
        assertThat(store.list()).containsExactly(state);
        assertThat(store.load(RolloutId.of("r-2"))).isEmpty();
    }
}
