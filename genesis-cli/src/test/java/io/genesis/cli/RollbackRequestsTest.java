package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.rollout.RolloutId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackRequestsTest {

    @TempDir
    Path root;

    private final RolloutId id = RolloutId.of("r-1");

    @Test
    void shouldHandARequestOverOnce() {
        RollbackRequests requests = new RollbackRequests(new StateDir(root));
        RollbackRequests.Request asked =
                new RollbackRequests.Request("INC-7", "alice", Instant.parse("2026-11-27T10:00:00Z"));

        requests.request(id, asked);

        assertThat(requests.pending(id)).isTrue();
        assertThat(new RollbackRequests(new StateDir(root)).take(id)).contains(asked);
        assertThat(requests.take(id)).isEmpty();
        assertThat(requests.pending(id)).isFalse();
    }

    @Test
    void shouldKeepOnlyTheLatestRequest() {
        RollbackRequests requests = new RollbackRequests(new StateDir(root));
        requests.request(id, new RollbackRequests.Request("first", "alice", Instant.EPOCH));
        requests.request(id, new RollbackRequests.Request("second", "bob", Instant.EPOCH));

        assertThat(requests.take(id)).map(RollbackRequests.Request::reason).contains("second");
        assertThat(root.resolve("requests")).isEmptyDirectory();
    }

    @Test
    void shouldNeverIgnoreARequestItCannotRead() throws Exception {
        Files.createDirectories(root.resolve("requests"));
        Files.writeString(root.resolve("requests").resolve("r-1.rollback.json"), "{not json");

        RollbackRequests.Request taken =
                new RollbackRequests(new StateDir(root)).take(id).orElseThrow();

        assertThat(taken.reason()).isEqualTo("a rollback request that could not be read (r-1.rollback.json)");
        assertThat(taken.by()).isEqualTo("unknown");
    }
}
