package io.jenkins.plugins.genesis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleApproverTest {

    @Test
    void shouldTellTheWaitingBuildWhoMayApprove() {
        // given
        List<String> said = new ArrayList<>();
        ConsoleApprover approver = new ConsoleApprover((rollout, line) -> said.add(rollout + " | " + line));
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        // when
        approver.request(new ApprovalRequest(
                "a-1",
                "j-0123",
                DeploymentKey.of("shop", "production"),
                new Version("2.0.0"),
                "canary",
                "Deploy 2.0.0 to production with canary?",
                Set.of("alice"),
                Set.of("release-managers"),
                false,
                "bob",
                true,
                now,
                now,
                now.plusSeconds(3600),
                "bob"));

        // then
        assertThat(said)
                .singleElement()
                .asString()
                .startsWith("j-0123 | ")
                .contains("Deploy 2.0.0 to production with canary?", "users alice", "groups release-managers");
    }
}
