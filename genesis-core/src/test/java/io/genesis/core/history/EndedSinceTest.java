package io.genesis.core.history;

import static io.genesis.core.history.HistoryStoreContract.T0;
import static io.genesis.core.history.HistoryStoreContract.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report over recent weeks reads the pages those weeks fill, not the store's whole past. */
class EndedSinceTest {

    @Test
    void shouldStopAfterThePageThatEndedWhollyBeforeTheInstant() {
        PageCountingStore store = new PageCountingStore(new InMemoryHistoryStore());
        int total = 3 * HistoryQuery.MAX_LIMIT + 500;
        for (int minute = 0; minute < total; minute++) {
            store.append(record("r-" + minute, "shop", "production", RecordStatus.SUCCEEDED, minute));
        }

        // the newest 200 records ended at or after this instant
        List<DeploymentRecord> recent =
                store.endedSince(HistoryQuery.newest(1), T0.plus(Duration.ofMinutes(total - 200 + 1)));

        assertThat(recent).hasSize(200);
        assertThat(recent.get(0).id()).isEqualTo("r-" + (total - 1));
        assertThat(recent.get(199).id()).isEqualTo("r-" + (total - 200));
        // the first page held them all; the second, wholly older, ended the read
        assertThat(store.asked()).hasSize(2);

        store.forget();
        assertThat(store.all(HistoryQuery.newest(1))).hasSize(total);
        assertThat(store.asked()).hasSize(4);
    }
}
