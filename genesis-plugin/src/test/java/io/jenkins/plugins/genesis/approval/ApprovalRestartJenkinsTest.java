package io.jenkins.plugins.genesis.approval;

import static io.jenkins.plugins.genesis.approval.ApprovalScenario.answer;
import static io.jenkins.plugins.genesis.approval.ApprovalScenario.awaitApproval;
import static io.jenkins.plugins.genesis.approval.ApprovalScenario.awaitResult;
import static io.jenkins.plugins.genesis.approval.ApprovalScenario.awaitWaiting;
import static io.jenkins.plugins.genesis.approval.ApprovalScenario.startAsBob;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.genesis.LiveJenkins;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A deploy waiting for approval survives a Jenkins restart: the request is read back with the
 * build, the engine asks again after its restart (which connects the stored request to it), and an
 * approver's answer then carries the rollout on. Run by the real build only.
 */
class ApprovalRestartJenkinsTest {

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldTakeTheApprovalAfterARestart() throws Throwable {
        String[] before = new String[1];
        try (AutoCloseable target = ApprovalScenario.target()) {
            sessions.then(j -> {
                // given: a deploy waiting for approval
                ApprovalScenario.setUp(j);
                startAsBob(j);
                before[0] = awaitWaiting(j);
            });
            sessions.then(j -> {
                // when: after the restart, alice approves (the engine may still be taking its rollouts back)
                assertThat(awaitWaiting(j)).isEqualTo(before[0]);
                HttpResponse<String> response = answerOnceConnected(j);

                // then
                assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
                assertThat(awaitApproval(j, json -> json.contains("\"state\":\"APPROVED\"")))
                        .contains("\"answeredBy\":\"alice\"", "\"comment\":\"after the restart\"");
                assertThat(awaitResult(j)).isEqualTo("SUCCESS");
            });
        }
    }

    private static HttpResponse<String> answerOnceConnected(JenkinsRule j) throws Exception {
        return LiveJenkins.eventually(
                () -> answer(j, "alice", "approve", "after the restart"),
                response -> !response.body().contains("has not taken this request back yet"),
                "the engine takes the stored request back");
    }
}
