package io.genesis.core.board;

import static io.genesis.core.board.BoardFixtures.record;

import io.genesis.core.history.RecordStatus;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class HistoryRowTest {

    @Test
    void shouldShowStatusStrategyApprovalsTimeToRestoreReasonAndBuild() {
        HistoryRow row = HistoryRow.of(record("r-4", "shop", "production", RecordStatus.ROLLED_BACK, 4, "shop/main#3"));

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(row.status()).isEqualTo("ROLLED_BACK");
            softly.assertThat(row.strategy()).isEqualTo("blueGreen");
            softly.assertThat(row.approvals())
                    .containsExactly(
                            "approved by alice (account alice@example.com) at 2026-12-07T10:00:00Z: looks good");
            softly.assertThat(row.timeToRestore()).isEqualTo("1 s");
            softly.assertThat(row.timeToRestoreMillis()).isEqualTo(1200L);
            softly.assertThat(row.reason()).isEqualTo("error rate 7.00 % > 5.00 %");
            softly.assertThat(row.build()).isEqualTo("shop/main#3");
            softly.assertThat(row.version()).isEqualTo("1.0.4");
        });
    }

    @Test
    void shouldLeaveTimeToRestoreEmptyWhenNothingWasRestored() {
        HistoryRow row = HistoryRow.of(record("r-1", "shop", "production", RecordStatus.SUCCEEDED, 1, ""));

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(row.timeToRestore()).isEmpty();
            softly.assertThat(row.timeToRestoreMillis()).isEqualTo(-1L);
        });
    }
}
