package io.genesis.core.history.indexed;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.target.DeploymentKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs append to one store at once: no record is lost or doubled, and the index agrees. */
class ConcurrentProcessesTest {

    private static final int PROCESSES = 4;
    private static final int EACH = 150;

    @TempDir
    Path directory;

    @Test
    void shouldKeepEveryRecordOfEveryProcessExactlyOnceWithTheIndexAgreeing() throws Exception {
        Path store = directory.resolve("history");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Process> writers = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            writers.add(new ProcessBuilder(
                            java.toString(),
                            "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            AppendMany.class.getName(),
                            store.toString(),
                            "p" + p,
                            Integer.toString(EACH))
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process writer : writers) {
            writer.getOutputStream().close();
            String output = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(writer.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(writer.exitValue()).as(output).isZero();
            assertThat(output).contains("appended " + EACH);
        }

        IndexedHistoryStore read = new IndexedHistoryStore(store);
        List<DeploymentRecord> all = read.all(HistoryQuery.newest(1));
        Set<String> ids = new HashSet<>();
        all.forEach(record -> ids.add(record.id()));
        assertThat(all).hasSize(PROCESSES * EACH);
        assertThat(ids).hasSize(PROCESSES * EACH);
        assertThat(all)
                .filteredOn(record -> record.status() == RecordStatus.ROLLED_BACK)
                .hasSize(PROCESSES * (EACH / 10));
        // every line written is there: the records, and the second line of each rolled-back one
        assertThat(Files.readAllLines(store.resolve("records.jsonl"))).hasSize(PROCESSES * (EACH + EACH / 10));
        assertThat(read.verify()).isEmpty();
        assertThat(read.problems()).isEmpty();
        int shop = read.page(HistoryQuery.of(new DeploymentKey("shop", "staging"), 1))
                .total();
        int cart = read.page(HistoryQuery.of(new DeploymentKey("cart", "staging"), 1))
                .total();
        assertThat(shop + cart).isEqualTo(PROCESSES * EACH);
        int main = read.page(HistoryQuery.newest(1).ofJob("shop/main")).total();
        int feature = read.page(HistoryQuery.newest(1).ofJob("shop/feature")).total();
        assertThat(main).isEqualTo(PROCESSES * (EACH / 3));
        assertThat(main + feature).isEqualTo(PROCESSES * EACH);
    }
}
