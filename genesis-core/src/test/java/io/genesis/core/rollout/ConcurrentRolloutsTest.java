package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RecordingTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.time.ExecutorScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real threads, the real clock and the on-disk stores: rollouts submitted at once for one key
 * run one after another, and rollouts for other keys run beside them.
 */
class ConcurrentRolloutsTest {

    private static final int PER_KEY = 6;

    @TempDir
    Path directory;

    @Test
    void shouldSerialiseConcurrentRolloutsToOneKeyAndLoseNoRecord() throws Exception {
        Clock clock = Clock.systemUTC();
        List<RuntimeException> schedulerFailures = new CopyOnWriteArrayList<>();
        Map<DeploymentKey, RecordingTarget> world = new ConcurrentHashMap<>();
        CountDownLatch ended = new CountDownLatch(2 * PER_KEY);
        JsonLinesHistoryStore history = new JsonLinesHistoryStore(directory.resolve("history.jsonl"));
        try (ExecutorScheduler scheduler = new ExecutorScheduler(clock, schedulerFailures::add)) {
            Orchestrator engine = Orchestrator.builder()
                    .settings(EngineSettings.defaults("engine-1")
                            .withLockRetryInterval(Duration.ofMillis(20))
                            .withSupersedeAwaitingApproval(false))
                    .clock(clock)
                    .scheduler(scheduler)
                    .states(new FileRolloutStateStore(directory.resolve("rollouts")))
                    .locks(new FileRolloutLock(directory.resolve("locks")))
                    .history(history)
                    .targets((key, spec) ->
                            world.computeIfAbsent(key, k -> RecordingTarget.capable(k.toString(), null, "1.0.0")))
                    .listener(event -> {
                        if (event.message().startsWith("ended ")) {
                            ended.countDown();
                        }
                    })
                    .build();

            ExecutorService submitters = Executors.newFixedThreadPool(4);
            List<Future<RolloutId>> submitted = new ArrayList<>();
            for (int i = 0; i < PER_KEY; i++) {
                for (String application : List.of("shop", "cart")) {
                    String commit = String.format("%07x", i + 1) + "abcdef";
                    submitted.add(
                            submitters.submit(() -> engine.submit(RolloutRequest.builder(application, Harness.STAGING)
                                    .commit(commit)
                                    .ref(SourceRef.branch("main"))
                                    .strategy("custom")
                                    .customSteps(StepParser.parse("deploy; smoke; promote"))
                                    .target(TargetSpec.of("recording"))
                                    .initiator("bob")
                                    .build())));
                }
            }
            for (Future<RolloutId> future : submitted) {
                future.get(30, TimeUnit.SECONDS);
            }
            submitters.shutdown();

            assertThat(ended.await(30, TimeUnit.SECONDS))
                    .as("all rollouts ended")
                    .isTrue();
        }

        assertThat(schedulerFailures).isEmpty();
        List<DeploymentRecord> records = history.all(HistoryQuery.newest(1));
        assertThat(records)
                .hasSize(2 * PER_KEY)
                .extracting(DeploymentRecord::status)
                .containsOnly(RecordStatus.SUCCEEDED);
        for (String application : List.of("shop", "cart")) {
            List<DeploymentRecord> ofKey = records.stream()
                    .filter(r -> r.application().equals(application))
                    .sorted(Comparator.comparing(r -> r.phases().get(0).startedAt()))
                    .toList();
            for (int i = 1; i < ofKey.size(); i++) {
                assertThat(ofKey.get(i).phases().get(0).startedAt())
                        .as("%s rollout %d starts after rollout %d ended", application, i, i - 1)
                        .isAfterOrEqualTo(ofKey.get(i - 1).endedAt());
            }
            assertThat(world.get(new DeploymentKey(application, "staging")).conflicts())
                    .isZero();
        }
    }
}
