package io.genesis.core.board;

import static io.genesis.core.board.BoardFixtures.record;
import static io.genesis.core.board.BoardFixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.watch.WatchVerdict;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class DeploymentBoardTest {

    private final InMemoryHistoryStore store = new InMemoryHistoryStore();

    @Test
    void shouldShowOneRowPerApplicationAndEnvironmentAcrossTheBranchJobsOfAFolder() {
        store.append(record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1, "shop/main#1"));
        store.append(record("r-2", "shop", "staging", RecordStatus.SUCCEEDED, 2, "shop/feature%2Fx#4"));
        store.append(record("r-3", "shop", "production", RecordStatus.SUCCEEDED, 3, "shop/main#2"));
        store.append(record("r-4", "shop", "production", RecordStatus.ROLLED_BACK, 4, "shop/main#3"));
        store.append(record("r-5", "cart", "staging", RecordStatus.SUCCEEDED, 5, "cart/main#1"));

        List<BoardRow> rows = DeploymentBoard.of(store, List.of(), "shop");

        assertThat(rows)
                .extracting(BoardRow::application, BoardRow::environment, BoardRow::rolloutId, BoardRow::build)
                .containsExactly(
                        tuple("shop", "production", "r-3", "shop/main#2"),
                        tuple("shop", "staging", "r-2", "shop/feature%2Fx#4"));
    }

    @Test
    void shouldSayWhatRunsNowEvenWhenAnotherJobPutItThere() {
        store.append(record("r-1", "shop", "production", RecordStatus.SUCCEEDED, 1, "shop/main#1"));
        store.append(record("r-2", "shop", "production", RecordStatus.SUCCEEDED, 2, "hotfix#9"));

        List<BoardRow> rows = DeploymentBoard.of(store, List.of(), "shop/main");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.rolloutId()).isEqualTo("r-2");
            assertThat(row.build()).isEqualTo("hotfix#9");
        });
    }

    @Test
    void shouldLeaveOutKeysWhereNothingSucceededAndJobsOutsideTheScope() {
        store.append(record("r-1", "shop", "production", RecordStatus.FAILED, 1, "shop/main#1"));
        store.append(record("r-2", "shop", "staging", RecordStatus.SUCCEEDED, 2, "shopping#1"));
        store.append(record("r-3", "shop", "qa", RecordStatus.SUCCEEDED, 3, ""));

        assertThat(DeploymentBoard.of(store, List.of(), "shop")).isEmpty();
    }

    @Test
    void shouldCarryTheRowsFactsAndItsWatch() {
        store.append(record("r-1", "shop", "production", RecordStatus.SUCCEEDED, 1, "shop/main#1"));

        BoardRow row = DeploymentBoard.of(
                        store, List.of(watch("w-1", "r-1", BoardFixtures.T0, WatchVerdict.HEALTHY)), "shop/main")
                .get(0);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(row.version()).isEqualTo("1.0.1");
            softly.assertThat(row.since()).isEqualTo(BoardFixtures.T0.plusSeconds(90));
            softly.assertThat(row.strategy()).isEqualTo("blueGreen");
            softly.assertThat(row.watch().state()).isEqualTo("HEALTHY");
            softly.assertThat(row.watch().watchId()).isEqualTo("w-1");
        });
    }
}
