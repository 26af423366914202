package io.genesis.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatchStoreTest {

    @TempDir
    Path directory;

    @Test
    void shouldReadBackAWatchWithItsIncidentsAndVerdictAsItWasStored() {
        WatchWorld world = new WatchWorld(new FileWatchStore(directory, false));
        Watcher watcher = world.watcher();
        world.metrics.script(window -> WatchWorld.WARNING);
        WatchId id = watcher.start(world.request(null, "1.1.0", Duration.ofMinutes(5)));
        WatchState ended = world.runToEnd(watcher, id);

        WatchState read = new FileWatchStore(directory, false).load(id).orElseThrow();

        assertThat(read).isEqualTo(ended);
        assertThat(read.incidents()).hasSize(1);
        assertThat(read.outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
    }

    @Test
    void shouldSkipAFileItCannotReadAndSaySoWithoutQuotingIt() throws Exception {
        FileWatchStore store = new FileWatchStore(directory, false);
        WatchWorld world = new WatchWorld(store);
        WatchId id = world.watcher().start(world.request(null, "1.1.0", Duration.ofMinutes(5)));
        Files.writeString(directory.resolve("w-9999.json"), "{\"token\": \"s3cr3t\"", StandardCharsets.UTF_8);

        assertThat(store.list()).extracting(WatchState::id).containsExactly(id);
        assertThat(store.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem)
                        .contains("w-9999.json skipped: not a readable watch state")
                        .doesNotContain("s3cr3t"));
    }
}
