package io.genesis.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.secret.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnreadableFilesTest {

    @TempDir
    Path root;

    private Path damaged(String kind, String name) throws IOException {
        Path file = PrivateFiles.directory(root.resolve(kind)).resolve(name);
        Files.writeString(file, "{\"id\":");
        return file;
    }

    @Test
    void shouldNameEveryUnreadableGateRecordNotificationAndLeaseOnce() throws IOException {
        // given
        Path gate = damaged("gates", "0123456789abcdef0123456789abcdef01234567.staging.json");
        Path notification = damaged("notifications", "n-1a2b3c4d.ops.json");
        Path lease = damaged("locks", "shop.staging.lease");

        // when
        var problems = UnreadableFiles.in(root);

        // then
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith(gate + " skipped: not a readable gate record state");
        assertThat(problems.get(1)).startsWith(notification + " skipped: not a readable notification state");
        assertThat(problems.get(2))
                .startsWith(lease + " is not a readable lease")
                .contains("remove the file");
    }

    @Test
    void shouldFindNothingInADirectoryNotMadeYet() {
        assertThat(UnreadableFiles.in(root.resolve("missing"))).isEmpty();
    }

    @Test
    void shouldSayOnceWhatToDoWhenAFolderIsAFile() throws IOException {
        // given: locks/ is a file, not a directory
        Files.writeString(root.resolve("locks"), "");

        // when
        var problems = UnreadableFiles.in(root);

        // then
        assertThat(problems)
                .singleElement()
                .satisfies(problem -> assertThat(problem)
                        .contains(root.resolve("locks") + " is not a directory; fix: remove it")
                        .containsOnlyOnce("fix:"));
    }
}
