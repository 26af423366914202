package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStoreContract;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.target.TargetSpec;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordedRolloutTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final TargetSpec TARGET = new TargetSpec("kubernetes", Map.of("namespace", "prod"));

    @Test
    void shouldGiveTheStateOfARolloutThatSucceededWithTheRecordsJournal() {
        DeploymentRecord record = HistoryStoreContract.record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 3);

        RolloutState state = RecordedRollout.of(record, TARGET, "engine-2", NOW);

        assertThat(state.id()).isEqualTo(RolloutId.of("r-1"));
        assertThat(state.stage()).isEqualTo(Stage.DONE);
        assertThat(state.promoted()).isTrue();
        assertThat(state.request().target()).isEqualTo(TARGET);
        assertThat(state.request().version().value()).isEqualTo(record.version());
        assertThat(state.request().ref()).isEqualTo(SourceRef.branch("main"));
        assertThat(state.outcome().status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(state.outcome().endedAt()).isEqualTo(record.endedAt());
        DeploymentRecord again = Records.of(state);
        assertThat(again.phases()).isEqualTo(record.phases());
        assertThat(again.approvals()).isEqualTo(record.approvals());
        assertThat(again.startedAt()).isEqualTo(record.startedAt());
        assertThat(again.notes()).containsExactly("a note", RecordedRollout.NOTE);
        assertThat(again.strategy()).isEqualTo(record.strategy());
    }

    @Test
    void shouldRefuseARecordThatDidNotSucceed() {
        DeploymentRecord record = HistoryStoreContract.record("r-1", "shop", "staging", RecordStatus.ROLLED_BACK, 3);

        assertThatThrownBy(() -> RecordedRollout.of(record, TARGET, "engine-2", NOW))
                .hasMessage("rollout r-1 ended ROLLED_BACK; there is nothing to roll back");
    }

    @ParameterizedTest
    @CsvSource({"branch main,BRANCH,main", "tag v1.2.3,TAG,v1.2.3", "pull request 7,PULL_REQUEST,7", "main,BRANCH,main"
    })
    void shouldReadTheRefAsARecordSpellsIt(String text, SourceRef.Kind kind, String name) {
        assertThat(RecordedRollout.ref(text)).isEqualTo(new SourceRef(kind, name));
    }
}
