package io.genesis.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.target.DeploymentKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentDeploymentsTest {

    private static final DeploymentKey SHOP_STAGING = new DeploymentKey("shop", "staging");

    @Test
    void shouldShowTheLatestSuccessfulRolloutPerApplicationAndEnvironment() {
        List<DeploymentRecord> records = List.of(
                HistoryStoreContract.record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1),
                HistoryStoreContract.record("r-3", "shop", "staging", RecordStatus.ROLLED_BACK, 3),
                HistoryStoreContract.record("r-2", "shop", "staging", RecordStatus.SUCCEEDED, 2),
                HistoryStoreContract.record("r-4", "shop", "production", RecordStatus.ABORTED, 4),
                HistoryStoreContract.record("r-5", "cart", "staging", RecordStatus.SUCCEEDED, 5));

        CurrentDeployments current = CurrentDeployments.from(records);

        assertThat(current.at(SHOP_STAGING)).map(DeploymentRecord::version).contains("1.0.2");
        assertThat(current.at(new DeploymentKey("shop", "production"))).isEmpty();
        assertThat(current.all()).containsOnlyKeys(SHOP_STAGING, new DeploymentKey("cart", "staging"));
    }

    @Test
    void shouldReadFromAStore() {
        InMemoryHistoryStore store = new InMemoryHistoryStore();
        store.append(HistoryStoreContract.record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1));

        assertThat(CurrentDeployments.of(store).at(SHOP_STAGING)).isPresent();
    }

    @Test
    void shouldCheckRecordsAndQueries() {
        assertThatThrownBy(() -> HistoryStoreContract.record(" ", "shop", "staging", RecordStatus.SUCCEEDED, 1))
                .hasMessage("a deployment record needs an id");
        assertThatThrownBy(() -> HistoryStoreContract.record("r-1", "Shop!", "staging", RecordStatus.SUCCEEDED, 1))
                .hasMessageStartingWith("application name 'Shop!' is not valid");
        assertThatThrownBy(() -> new HistoryQuery(null, -1, 10))
                .hasMessage("history offset must not be negative, got -1");
        assertThatThrownBy(() -> new HistoryQuery(null, 0, 0))
                .hasMessage("history limit must be between 1 and 1000, got 0");
        DeploymentRecord sparse = new DeploymentRecord(
                "r-1",
                "shop",
                "staging",
                "1.0.0",
                "abc1234",
                null,
                null,
                "rolling",
                null,
                null,
                HistoryStoreContract.T0,
                HistoryStoreContract.T0,
                RecordStatus.FAILED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(sparse.phases()).isEmpty();
        assertThat(sparse.reason()).isEmpty();
        assertThat(sparse.key()).isEqualTo(SHOP_STAGING);
        assertThat(sparse.rolledBackLater("x", HistoryStoreContract.T0, null, HistoryStoreContract.T0)
                        .restoreTime())
                .isEmpty();
        assertThat(new PhaseRecord(1, "promote", "promote", HistoryStoreContract.T0, null, null, null).outcome())
                .isEmpty();
        assertThat(new AnalysisRecord(
                                1,
                                HistoryStoreContract.T0,
                                HistoryStoreContract.T0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                null,
                                null,
                                null,
                                null)
                        .notable())
                .isEmpty();
    }
}
