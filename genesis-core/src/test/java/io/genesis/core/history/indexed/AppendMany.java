package io.genesis.core.history.indexed;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import java.nio.file.Path;

/**
 * A writer process for {@link ConcurrentProcessesTest}: appends {@code count} records to the store in
 * {@code directory}, ids prefixed with {@code name}, over two applications and two jobs; every tenth
 * record is rolled back later, which appends its line again.
 */
final class AppendMany {

    private AppendMany() {}

    public static void main(String[] args) {
        IndexedHistoryStore store = new IndexedHistoryStore(Path.of(args[0]), false);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            DeploymentRecord record = TestRecords.of(
                    name + "-" + i,
                    i % 2 == 0 ? "shop" : "cart",
                    "staging",
                    (i % 3 == 0 ? "shop/main" : "shop/feature") + "#" + i,
                    RecordStatus.SUCCEEDED,
                    i);
            store.append(record);
            if (i % 10 == 9) {
                store.append(record.rolledBackLater(
                        "late",
                        record.endedAt().plusSeconds(60),
                        record.endedAt().plusSeconds(61),
                        record.endedAt().plusSeconds(62)));
            }
        }
        System.out.println("appended " + count);
    }
}
