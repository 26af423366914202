package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.policy.Environment;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RecordingTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crashes the engine at every operation it performs on its ports (state saves, lock, record
 * appends, target, router, approver, metric samples), before and after the operation takes
 * effect, in every strategy; then a fresh engine reconciles from the stored state. Every run must
 * end resumed or rolled back, with a complete record, the lock free and the target at rest.
 */
class CrashRecoveryTest {

    /** The rollouts crashed: every strategy, with and without a traffic router, and one with approval. */
    enum Scenario {
        BLUE_GREEN("blueGreen", Harness.STAGING, true, ""),
        BLUE_GREEN_WITHOUT_ROUTER("blueGreen", Harness.STAGING, false, ""),
        ROLLING("rolling", Harness.STAGING, true, ""),
        CANARY("canary", Harness.STAGING, true, ""),
        CUSTOM_WITH_APPROVAL(
                "custom",
                Harness.PRODUCTION,
                true,
                "deploy; smoke; weight 20; analyse 2m; approval; pause 10m; weight 100; promote; scaleDown 1h");

        final String strategy;
        final Environment environment;
        final boolean router;
        final String steps;

        Scenario(String strategy, Environment environment, boolean router, String steps) {
            this.strategy = strategy;
            this.environment = environment;
            this.router = router;
            this.steps = steps;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            for (CrashInjector.When when : CrashInjector.When.values()) {
                for (RecoveryPolicy policy : RecoveryPolicy.values()) {
                    all.add(Arguments.of(scenario, when, policy));
                }
            }
        }
        return all.stream();
    }

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}, crash {1} the operation, recovery {2}")
    @MethodSource("matrix")
    void shouldResumeOrRollBackAfterACrashAtEveryOperation(
            Scenario scenario, CrashInjector.When when, RecoveryPolicy policy) {
        int operations = cleanRun(scenario, policy);
        assertThat(operations).as("operations in a clean run").isGreaterThan(20);

        SoftAssertions softly = new SoftAssertions();
        for (int crashAt = 0; crashAt < operations; crashAt++) {
            Harness world =
                    world(scenario, policy, directory.resolve(scenario + "-" + when + "-" + policy + "-" + crashAt));
            world.crash = CrashInjector.at(crashAt, when);
            try {
                Orchestrator first = world.engine();
                first.submit(request(world, scenario));
                world.drive(first);
                fail("no crash at operation " + crashAt + " of " + operations);
            } catch (SimulatedCrash expected) {
                // The process died here.
            }
            String where = world.crash.crashedAt().orElseThrow();

            Orchestrator second = world.restart("engine-2");
            ReconcileReport report = second.reconcile();
            world.drive(second);

            check(softly, world, scenario, policy, where, report);
        }
        softly.assertAll();
        System.out.println(scenario + ", crash " + when + ", recovery " + policy + ": " + operations + " crash points");
    }

    private void check(
            SoftAssertions softly,
            Harness world,
            Scenario scenario,
            RecoveryPolicy policy,
            String where,
            ReconcileReport report) {
        DeploymentKey key = new DeploymentKey("shop", scenario.environment.name());
        RecordingTarget target = world.target(key);
        List<RolloutState> stored = world.states.list();
        String context = scenario + " crashed " + where;
        softly.assertThat(target.atRest()).as(context + ": target at rest").isTrue();
        softly.assertThat(target.conflicts()).as(context + ": conflicts").isZero();
        softly.assertThat(world.locks.current(key))
                .as(context + ": lock released")
                .isEmpty();
        if (stored.isEmpty()) {
            // Crashed before the rollout was first stored: submit failed, nothing was touched.
            softly.assertThat(target.operations()).as(context + ": untouched").isEmpty();
            softly.assertThat(world.records()).as(context + ": no record").isEmpty();
            return;
        }
        softly.assertThat(stored).as(context).hasSize(1).allMatch(RolloutState::settled);
        RolloutState state = stored.get(0);
        Optional<DeploymentRecord> found = world.record(state.id());
        softly.assertThat(found).as(context + ": record").isPresent();
        if (found.isEmpty()) {
            return;
        }
        DeploymentRecord record = found.get();
        softly.assertThat(world.records()).as(context + ": one record").hasSize(1);
        softly.assertThat(record.phases()).as(context + ": phases").isNotEmpty();
        softly.assertThat(record.phases())
                .as(context + ": every phase ended")
                .allMatch(p -> p.startedAt() != null
                        && p.endedAt() != null
                        && !p.endedAt().isBefore(p.startedAt()));
        if (policy == RecoveryPolicy.RESUME) {
            softly.assertThat(record.status()).as(context + ": status").isEqualTo(RecordStatus.SUCCEEDED);
        } else {
            softly.assertThat(record.status())
                    .as(context + ": status")
                    .isIn(RecordStatus.SUCCEEDED, RecordStatus.ROLLED_BACK);
        }
        if (record.status() == RecordStatus.SUCCEEDED) {
            softly.assertThat(target.stable())
                    .as(context + ": new version runs")
                    .isEqualTo(record.version());
            softly.assertThat(target.previous())
                    .as(context + ": previous scaled down")
                    .isEmpty();
            softly.assertThat(record.phases())
                    .extracting(PhaseRecord::outcome)
                    .as(context)
                    .containsOnly("completed");
        } else {
            softly.assertThat(target.stable())
                    .as(context + ": old version runs")
                    .isEqualTo("1.0.0");
            softly.assertThat(record.restoreTime())
                    .as(context + ": time to restore")
                    .isPresent();
            softly.assertThat(report.rolledBack()).as(context + ": reported").contains(state.id());
        }
    }

    private int cleanRun(Scenario scenario, RecoveryPolicy policy) {
        Harness world = world(scenario, policy, directory.resolve(scenario + "-clean-" + policy));
        world.crash = CrashInjector.at(Integer.MAX_VALUE, CrashInjector.When.BEFORE);
        Orchestrator engine = world.engine();
        RolloutId id = engine.submit(request(world, scenario));
        world.drive(engine);
        assertThat(world.record(id).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
        return world.crash.count();
    }

    private static Harness world(Scenario scenario, RecoveryPolicy policy, Path directory) {
        // Resuming runs read the files a dead process left; rolling-back runs use the same JSON in
        // memory, which halves the time of a matrix that runs close to a thousand rollouts.
        Harness world = policy == RecoveryPolicy.RESUME ? Harness.onDisk(directory, false) : Harness.inMemory();
        world.settings = world.settings.withRecovery(policy).withLeaseTtl(Duration.ofHours(1));
        if (!scenario.router) {
            world.newTarget = key -> RecordingTarget.plain(key.toString(), world.clock, "1.0.0");
        }
        return world;
    }

    private static RolloutRequest request(Harness world, Scenario scenario) {
        RolloutRequest.Builder request = world.request("shop", scenario.environment)
                .strategy(scenario.strategy)
                .analysis(AnalysisThresholds.defaults().withSampleInterval(Duration.ofMinutes(1)));
        if (!scenario.steps.isEmpty()) {
            request.customSteps(StepParser.parse(scenario.steps));
        }
        return request.build();
    }
}
