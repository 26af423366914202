package io.genesis.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.genesis.core.secret.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history is a private file, never appended through a planted link, and holds no credential. */
class HistorySecurityTest {

    @TempDir
    Path temp;

    @Test
    void shouldNotAppendThroughAPlantedHistoryLink() throws IOException {
        Path profile = Files.writeString(temp.resolve(".bashrc"), "# shell start-up\n");
        Path history = temp.resolve("state/history.jsonl");
        Files.createDirectories(history.getParent());
        Files.createSymbolicLink(history, profile);
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(history, false);

        assertThatThrownBy(() ->
                        store.append(HistoryStoreContract.record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("history.jsonl is a symbolic link");
        assertThatThrownBy(store::read).hasMessageContaining("is a symbolic link");
        assertThat(Files.readString(profile)).isEqualTo("# shell start-up\n");
    }

    @Test
    void shouldKeepTheHistoryForItsOwnerOnly() throws IOException {
        assumeThat(PrivateFiles.posix()).isTrue();
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(temp.resolve("state/history.jsonl"), false);

        store.append(HistoryStoreContract.record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("state"))))
                .isEqualTo("rwx------");
    }

    @Test
    void shouldStoreNoCredentialThatReachedARecord() throws IOException {
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(temp.resolve("history.jsonl"), false);
        DeploymentRecord record = HistoryStoreContract.record("r-1", "shop", "staging", RecordStatus.FAILED, 1)
                .rolledBackLater(
                        "cannot reach http://admin:hunter2@my_host:8080/ or https://h/?access_token=hunter3",
                        HistoryStoreContract.T0,
                        HistoryStoreContract.T0,
                        HistoryStoreContract.T0);

        store.append(record);

        assertThat(Files.readString(store.file()))
                .doesNotContain("hunter2")
                .doesNotContain("hunter3")
                .contains("http://****@my_host:8080/");
        assertThat(store.read().records())
                .singleElement()
                .extracting(DeploymentRecord::reason)
                .asString()
                .doesNotContain("hunter");
    }

    @Test
    void shouldNotQuoteADamagedLineInItsProblem() throws IOException {
        Path file = Files.writeString(temp.resolve("history.jsonl"), "{\"id\": hunter2-secret }\n");

        assertThat(new JsonLinesHistoryStore(file, false).read().problems())
                .singleElement()
                .asString()
                .contains("line 1 skipped")
                .doesNotContain("hunter2");
    }
}
