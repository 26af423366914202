package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.rollout.RolloutId;
import io.genesis.core.secret.PrivateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

        assertThat(taken.reason())
                .startsWith("a rollback request that could not be read (r-1.rollback.json, line 1, column");
        assertThat(taken.by()).isEqualTo("unknown");
    }

    /** Issue 14's hostile shapes, as HostileFilesTest (genesis-core) makes them for the engine's own files. */
    enum Shape {
        EMPTY(""),
        TRUNCATED("{\"reason\":\"INC-7\",\"by\":\"al"),
        BAD_UTF8("{\"reason\":\"INC\u00c3(-7\",\"by\":\"alice\",\"at\":\"2026-11-27T10:00:00Z\"}"),
        DEEP_NESTING("[".repeat(100_000) + "]".repeat(100_000)),
        HUGE_STRING("{\"reason\":\"" + "x".repeat(21_000_000) + "\",\"by\":\"alice\",\"at\":\"2026-11-27T10:00:00Z\"}"),
        WRONG_TYPE("[{\"reason\":\"INC-7\",\"by\":\"alice\",\"at\":\"2026-11-27T10:00:00Z\"}]"),
        NUL_BYTE("{\"reason\":\"INC\u0000-7\",\"by\":\"alice\",\"at\":\"2026-11-27T10:00:00Z\"}"),
        SYMLINK_LOOP(null);

        final String content;

        Shape(String content) {
            this.content = content;
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void shouldTakeEveryHostileRequestAsARollbackThatSaysWhereItCouldNotBeRead(Shape shape) throws Exception {
        Path file = PrivateFiles.directory(root.resolve("requests")).resolve("r-1.rollback.json");
        if (shape == Shape.SYMLINK_LOOP) {
            Files.createSymbolicLink(file, file.getFileName());
        } else {
            byte[] bytes = shape.content.getBytes(StandardCharsets.UTF_8);
            if (shape == Shape.BAD_UTF8) {
                // Ã followed by '(' is not UTF-8: write the lone lead byte 0xC3.
                bytes = shape.content.replace("\u00c3", "\u0001").getBytes(StandardCharsets.UTF_8);
                bytes[indexOf(bytes, (byte) 1)] = (byte) 0xC3;
            }
            Files.write(file, bytes);
        }

        RollbackRequests.Request taken =
                new RollbackRequests(new StateDir(root)).take(id).orElseThrow();

        assertThat(taken.reason()).startsWith("a rollback request that could not be read (r-1.rollback.json");
        if (shape != Shape.EMPTY && shape != Shape.SYMLINK_LOOP) {
            assertThat(taken.reason()).containsPattern("line \\d+");
        }
        assertThat(taken.reason()).doesNotContain("Exception:", "xxxxxxxxxx");
        assertThat(file).doesNotExist();
        assertThat(Files.isSymbolicLink(file)).isFalse();
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("no marker");
    }
}
