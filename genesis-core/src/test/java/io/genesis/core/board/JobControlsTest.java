package io.genesis.core.board;

import static io.genesis.core.board.BoardFixtures.record;
import static io.genesis.core.board.BoardFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.RolloutStatus;
import io.genesis.core.rollout.Stage;
import io.genesis.core.target.DeploymentKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobControlsTest {

    private final JobControls controls = new JobControls("shop/main");

    @Test
    void shouldLetThePageRollBackWhatItsJobDeployedAndStillRuns() {
        assertThat(controls.refuseRollback(
                        "r-1",
                        Optional.of(record("r-1", "shop", "production", RecordStatus.SUCCEEDED, 1, "shop/main#4"))))
                .isEmpty();
    }

    @Test
    void shouldRefuseToRollBackAnotherJobsDeployment() {
        assertThat(controls.refuseRollback(
                        "r-1", Optional.of(record("r-1", "shop", "production", RecordStatus.SUCCEEDED, 1, "hotfix#2"))))
                .contains("rollout r-1 was started by build hotfix#2, not by a build of shop/main; roll it back from"
                        + " the page of the job that started it");
    }

    @Test
    void shouldRefuseToRollBackWhatNoLongerRunsOrWasNeverRecorded() {
        assertThat(controls.refuseRollback(
                        "r-1",
                        Optional.of(record("r-1", "shop", "production", RecordStatus.ROLLED_BACK, 1, "shop/main#4"))))
                .contains("rollout r-1 ended ROLLED_BACK, so it does not run there any more; only a deployment that"
                        + " succeeded is rolled back");
        assertThat(controls.refuseRollback("r-9", Optional.empty()))
                .contains("no deployment r-9 is recorded; pick one from the table of what runs where");
    }

    @Test
    void shouldAbortOnlyTheJobsRolloutsInProgress() {
        assertThat(controls.refuseAbort("r-1", Optional.of(state("r-1", "shop/main#4", Stage.RUNNING, 0))))
                .isEmpty();
        assertThat(controls.refuseAbort("r-1", Optional.of(state("r-1", "shop/main#4", Stage.DONE, 0))))
                .contains("rollout r-1 is not in progress; it may have ended meanwhile (see the history)");
        assertThat(controls.refuseAbort("r-1", Optional.of(state("r-1", "shop/other#4", Stage.RUNNING, 0))))
                .contains("rollout r-1 was started by build shop/other#4, not by a build of shop/main; abort it from"
                        + " the page of the job that started it");
    }

    @Test
    void shouldPromoteOnlyARolloutThatWaitsForApproval() {
        assertThat(controls.refusePromote(
                        "r-1",
                        Optional.of(state("r-1", "shop/main#4", Stage.RUNNING, 0)),
                        RolloutStatus.AWAITING_APPROVAL))
                .isEmpty();
        assertThat(controls.refusePromote(
                        "r-1", Optional.of(state("r-1", "shop/main#4", Stage.RUNNING, 0)), RolloutStatus.ANALYSING))
                .contains("rollout r-1 is ANALYSING and waits for no approval");
        assertThat(controls.refusePromote("r-1", Optional.empty(), RolloutStatus.AWAITING_APPROVAL))
                .contains("rollout r-1 is not in progress; it may have ended meanwhile (see the history)");
    }

    @Test
    void shouldReleaseOnlyTheLockOfAKeyTheJobDeploysTo() {
        DeploymentKey production = new DeploymentKey("shop", "production");

        assertThat(controls.refuseRelease(production, List.of(production))).isEmpty();
        assertThat(controls.refuseRelease(production, List.of(new DeploymentKey("shop", "staging"))))
                .contains("no build of shop/main deploys shop to production; release the lock from the page of the"
                        + " job that does");
    }
}
