package io.jenkins.plugins.genesis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutResultTest {

    private static DeploymentRecord ended(RecordStatus status) {
        DeploymentRecord canary = DeploymentActionFixture.rolledBackCanary();
        return new DeploymentRecord(
                canary.id(),
                canary.application(),
                canary.environment(),
                canary.version(),
                canary.commit(),
                canary.ref(),
                canary.build(),
                canary.strategy(),
                canary.initiator(),
                canary.target(),
                canary.startedAt(),
                canary.endedAt(),
                status,
                "because",
                canary.phases(),
                canary.approvals(),
                canary.analyses(),
                canary.notes(),
                null,
                null,
                null,
                canary.initiatorAccount(),
                canary.hooks(),
                null,
                null);
    }

    @ParameterizedTest
    @CsvSource({
        "SUCCEEDED, succeeded, failed",
        "ROLLED_BACK, failed, succeeded",
        "FAILED, failed, failed",
        "ABORTED, aborted, succeeded"
    })
    void shouldEndEachStepAsItsRecordSays(RecordStatus status, String deployEnds, String rollbackEnds) {
        // given
        RecordingSink deploy = new RecordingSink();
        RecordingSink rollback = new RecordingSink();

        // when
        RolloutResult.endDeploy(ended(status), deploy);
        RolloutResult.endRollback(ended(status), rollback);

        // then
        assertThat(deploy.endings).containsExactly(deployEnds);
        assertThat(rollback.endings).containsExactly(rollbackEnds);
        assertThat(deploy.records).hasSize(1);
        if (deployEnds.equals("succeeded")) {
            assertThat(deploy.value).containsEntry("status", "SUCCEEDED").containsEntry("version", "2.0.0");
        } else {
            assertThat(deployEnds.equals("failed") ? deploy.failure : deploy.abort)
                    .contains(status.name(), "because", "shop 2.0.0 to production");
        }
    }
}
