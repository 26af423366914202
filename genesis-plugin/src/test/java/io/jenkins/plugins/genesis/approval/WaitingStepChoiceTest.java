package io.jenkins.plugins.genesis.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.genesis.approval.WaitingStepChoice.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitingStepChoiceTest {

    @Test
    void shouldTakeTheStepThatWaitsForTheRollout() {
        // given: two deploys in parallel branches that say which rollout they wait for
        List<Candidate<String>> running = List.of(
                new Candidate<>("r-1", "genesisDeploy", "node 12"),
                new Candidate<>("r-2", "genesisDeploy", "node 15"),
                new Candidate<>(null, "sh", "node 9"));

        // then
        assertThat(WaitingStepChoice.choose(running, "r-2")).contains("node 15");
        assertThat(WaitingStepChoice.choose(running, "r-3")).isEmpty();
    }

    @Test
    void shouldTakeTheOnlyDeployWhenNoStepSaysWhichRolloutItWaitsFor() {
        // given
        List<Candidate<String>> running =
                List.of(new Candidate<>(null, "sh", "node 9"), new Candidate<>(null, "genesisDeploy", "node 12"));

        // then
        assertThat(WaitingStepChoice.choose(running, "r-1")).contains("node 12");
    }

    @Test
    void shouldChooseNoneRatherThanGuessBetweenSeveralDeploys() {
        // given
        List<Candidate<String>> running = List.of(
                new Candidate<>(null, "genesisDeploy", "node 12"), new Candidate<>(null, "genesisDeploy", "node 15"));

        // then
        assertThat(WaitingStepChoice.choose(running, "r-1")).isEmpty();
        assertThat(WaitingStepChoice.choose(List.<Candidate<String>>of(), "r-1"))
                .isEmpty();
    }
}
