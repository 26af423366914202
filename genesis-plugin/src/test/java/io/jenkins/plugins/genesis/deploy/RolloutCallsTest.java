package io.jenkins.plugins.genesis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Environments;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.time.ManualClock;
import io.genesis.core.time.SimulatedScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executions' calls where no target is needed: on simulated time, where the engine's thread
 * runs only when the test says so, which makes the moment between a step's start and the engine
 * taking its request reachable.
 */
class RolloutCallsTest {

    private static final String KEY = "shop/main#7#node:12";

    @TempDir
    Path state;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SimulatedScheduler scheduler = new SimulatedScheduler(clock);
    private final List<String> opened = new ArrayList<>();

    private RolloutHost host() {
        return RolloutHost.builder()
                .directory(state)
                .clock(clock)
                .scheduler(scheduler, null)
                .targets((key, spec) -> {
                    opened.add(spec.kind());
                    throw new IllegalArgumentException("no target in this test");
                })
                .metricSources(spec -> {
                    throw new IllegalArgumentException("no metrics in this test");
                })
                .approver(request -> {})
                .build();
    }

    private static RolloutRequest request() {
        GenesisDeployStep step = new GenesisDeployStep("shop", "staging");
        step.setCommit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
        step.setShifts("100");
        return DeployTranslation.request(
                step,
                Environments.defaults().named("staging"),
                TargetSpec.of("kubernetes"),
                new BuildFacts("shop/main#7", "bob", "bob", Map.of("BRANCH_NAME", "main")),
                DeployFixtures.NO_HISTORY);
    }

    @Test
    void shouldNeverStartARolloutWhoseStepWasStoppedBeforeTheEngineTookIt() {
        // given: the step started, the engine has not run yet
        RolloutHost host = host();
        RecordingSink sink = new RecordingSink();
        String id = RolloutCalls.deploy(host, KEY, request(), sink);

        // when: the build is aborted, then the engine runs
        RolloutCalls.stopDeploy(host, id, "the build was aborted", "alice", sink);
        scheduler.runFor(Duration.ofMinutes(1));

        // then
        assertThat(sink.endings).containsExactly("failed");
        assertThat(sink.failure).isEqualTo("the build was aborted");
        assertThat(host.started(KEY)).isFalse();
        assertThat(opened).as("the target was never opened").isEmpty();
    }

    @Test
    void shouldReportATargetThatCannotBeOpenedAsTheStepsFailure() {
        // given
        RolloutHost host = host();
        RecordingSink sink = new RecordingSink();

        // when
        RolloutCalls.deploy(host, KEY, request(), sink);
        scheduler.runFor(Duration.ofMinutes(1));

        // then
        assertThat(sink.endings).containsExactly("failed");
        assertThat(sink.failure).isEqualTo("no target in this test");
        assertThat(opened).containsExactly("kubernetes");
    }

    @Test
    void shouldFailAResumedStepWhoseRolloutWasNeverStored() {
        // given
        RolloutHost host = host();
        RecordingSink sink = new RecordingSink();

        // when
        RolloutCalls.resumeDeploy(host, KEY, null, sink);

        // then
        assertThat(sink.failure).contains("never stored", "nothing was deployed", "run the build again");
        assertThat(RolloutCalls.status(host, null)).isEqualTo("submitting the rollout");
    }
}
