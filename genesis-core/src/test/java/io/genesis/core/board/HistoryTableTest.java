package io.genesis.core.board;

import static io.genesis.core.board.BoardFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.PageCountingStore;
import io.genesis.core.history.RecordStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryTableTest {

    private final InMemoryHistoryStore store = new InMemoryHistoryStore();

    @Test
    void shouldReadOnePageOfTheJobsRecordsNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            store.append(record("r-" + i, "shop", "staging", RecordStatus.SUCCEEDED, i, "shop/main#" + i));
            store.append(record("o-" + i, "shop", "staging", RecordStatus.SUCCEEDED, i, "other#" + i));
        }

        HistoryTable second = HistoryTable.read(store, "shop/main", 2, 2);

        assertThat(second.rows()).extracting(HistoryRow::rolloutId).containsExactly("r-3", "r-2");
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
        assertThat(HistoryTable.read(store, "shop/main", 3, 2).hasNext()).isFalse();
        assertThat(HistoryTable.read(store, "shop/main", 1, 2).hasPrevious()).isFalse();
    }

    @Test
    void shouldAskTheStoreForExactlyOnePage() {
        PageCountingStore counting = new PageCountingStore(store);
        counting.append(record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1, "shop/main#1"));

        HistoryTable.read(counting, "shop/main", 3, 20);

        assertThat(counting.asked()).containsExactly(new HistoryQuery(null, 40, 20, "shop/main"));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 20, 'history page must be 1 or more, got 0'",
        "1, 0, 'history page size must be between 1 and 1000, got 0'",
        "1, 1001, 'history page size must be between 1 and 1000, got 1001'"
    })
    void shouldRefuseAPageOutsideTheBounds(int page, int size, String message) {
        assertThatThrownBy(() -> HistoryTable.read(store, "shop", page, size)).hasMessage(message);
    }

    @Test
    void shouldRefuseAPageBeyondAnyHistory() {
        assertThatThrownBy(() -> HistoryTable.read(store, "shop", Integer.MAX_VALUE, 1000))
                .hasMessage("history page " + Integer.MAX_VALUE + " lies beyond any history");
    }
}
