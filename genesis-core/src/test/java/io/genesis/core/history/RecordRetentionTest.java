package io.genesis.core.history;

import static io.genesis.core.history.HistoryStoreContract.T0;
import static io.genesis.core.history.HistoryStoreContract.record;
import static io.genesis.core.history.HistoryStoreContract.withBuild;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordRetentionTest {

    private static final RecordRetention STRICT_PRODUCTION =
            RecordRetention.of(Map.of("production", new Retention(1, Duration.ZERO)));

    @Test
    void shouldApplyEachEnvironmentsOwnRetention() {
        List<DeploymentRecord> records = List.of(
                record("p-1", "shop", "production", RecordStatus.SUCCEEDED, 1),
                record("p-2", "shop", "production", RecordStatus.FAILED, 2),
                record("p-3", "shop", "production", RecordStatus.SUCCEEDED, 3),
                record("s-1", "shop", "staging", RecordStatus.SUCCEEDED, 1),
                record("s-2", "shop", "staging", RecordStatus.SUCCEEDED, 2));

        assertThat(STRICT_PRODUCTION.kept(records, T0.plus(Duration.ofDays(400))))
                .containsExactlyInAnyOrder("p-3", "s-1", "s-2");
        assertThat(STRICT_PRODUCTION.of("staging")).isEqualTo(Retention.DEFAULT);
    }

    @Test
    void shouldKeepWhatRunsNowAndTheNewestOfEachJob() {
        List<DeploymentRecord> records = List.of(
                withBuild(record("main-1", "shop", "production", RecordStatus.SUCCEEDED, 1), "shop/main#1"),
                withBuild(record("feature-1", "shop", "production", RecordStatus.SUCCEEDED, 2), "shop/feature#1"),
                withBuild(record("main-2", "shop", "production", RecordStatus.FAILED, 3), "shop/main#2"));

        // feature-1 runs now (main-2 failed); main-2 is the newest of its job; main-1 goes.
        assertThat(STRICT_PRODUCTION.kept(records, T0.plus(Duration.ofDays(1))))
                .containsExactlyInAnyOrder("feature-1", "main-2");
    }
}
