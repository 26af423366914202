package io.genesis.docker.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import io.genesis.core.rollout.plan.Capabilities;
import io.genesis.core.rollout.plan.RollingStrategy;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.target.RollingBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollingBudgetTest {

    @ParameterizedTest(name = "{0} replicas, surge {1} %, unavailable {2} % -> {3} / {4}")
    @CsvSource({
        "4, 25, 0, 1, 0",
        "4, 25, 25, 1, 1",
        "4, 0, 25, 0, 1",
        "10, 25, 25, 3, 2",
        "3, 25, 0, 1, 0",
        "3, 0, 50, 0, 1",
        "4, 10, 10, 1, 0",
        "4, 0, 10, 0, 1",
        "1, 25, 0, 1, 0",
        "1, 0, 50, 0, 1",
        "16, 100, 0, 16, 0"
    })
    void shouldRoundSurgeUpAndUnavailabilityDownAsKubernetes(
            int replicas, double surge, double unavailable, int surgeContainers, int unavailableContainers) {
        RollingBudget budget = RollingBudget.of(replicas, bounds(surge, unavailable));

        assertThat(budget.maxSurge()).isEqualTo(surgeContainers);
        assertThat(budget.maxUnavailable()).isEqualTo(unavailableContainers);
        assertThat(budget.maxRunning()).isEqualTo(replicas + surgeContainers);
        assertThat(budget.minAvailable()).isEqualTo(replicas - unavailableContainers);
    }

    @ParameterizedTest(name = "surge {0} %, unavailable {1} %")
    @CsvSource({"0, 0"})
    void shouldRefuseBoundsThatReplaceNothingWithTheFix(double surge, double unavailable) {
        assertThatThrownBy(() -> bounds(surge, unavailable))
                .hasMessageContaining("maxSurge and maxUnavailable are both 0 %")
                .hasMessageContaining("allow some surge");
    }

    @ParameterizedTest(name = "{0} replicas, budget {1}/{2}: first move of a batch of {3}: stop {4}, start {5}")
    @CsvSource({
        // 25 % / 25 % on 4: one stable stopped at once, two candidates started (5 running, 3 serving)
        "4, 1, 1, 2, 1, 2",
        // 0 % / 25 % on 4: no surge, so a stable one is stopped first to make room for one candidate
        "4, 0, 1, 1, 1, 1",
        // 25 % / 0 % on 4: one extra candidate, nothing stopped before it is ready
        "4, 1, 0, 1, 0, 1",
        // a batch larger than the surge starts only what the ceiling allows
        "4, 1, 0, 4, 0, 1"
    })
    void shouldStopStableContainersEarlyAsFarAsTheFloorAllowsThenStartAsFarAsTheCeilingAllows(
            int replicas, int surge, int unavailable, int wanted, int stop, int start) {
        RollingBudget budget = new RollingBudget(replicas, surge, unavailable);

        RollingBudget.Moves moves = budget.next(wanted, new RollingBudget.Counts(replicas, 0, 0));

        assertThat(moves).isEqualTo(new RollingBudget.Moves(stop, start));
    }

    /**
     * Plays whole rolling updates, the plan's batches one after the other, with candidates becoming healthy
     * in a seeded random order and pace, and checks the budget at every moment: after each container is
     * taken out of the proxy, stopped, started or given weight.
     */
    @ParameterizedTest(name = "{0} replicas, surge {1} %, unavailable {2} %")
    @CsvSource({
        "4, 25, 25",
        "4, 0, 25",
        "4, 25, 0",
        "1, 25, 0",
        "1, 0, 25",
        "2, 50, 0",
        "3, 0, 50",
        "5, 10, 10",
        "6, 50, 50",
        "8, 100, 0",
        "16, 25, 25",
        "7, 0, 90"
    })
    void shouldKeepEveryMomentWithinTheBudgetAndFinish(int replicas, double surge, double unavailable) {
        RollingBounds bounds = bounds(surge, unavailable);
        RollingBudget budget = RollingBudget.of(replicas, bounds);
        for (long seed = 1; seed <= 20; seed++) {
            Host host = new Host(budget, new Random(seed));
            for (Step step : new RollingStrategy(bounds)
                    .plan(new Capabilities("docker", true, true))
                    .steps()) {
                if (step instanceof Step.RollingBatch batch) {
                    host.runBatch(budget.wanted(batch.share().value()));
                }
            }
            assertThat(host.ready).as("seed " + seed).isEqualTo(replicas);
            assertThat(host.stable).as("seed " + seed).isZero();
            assertThat(host.moments).as("seed " + seed).isNotEmpty().allSatisfy(moment -> {
                assertThat(moment.running()).as("running containers").isLessThanOrEqualTo(budget.maxRunning());
                assertThat(moment.available())
                        .as("healthy containers with weight")
                        .isGreaterThanOrEqualTo(budget.minAvailable());
            });
        }
    }

    @ParameterizedTest(name = "{0} replicas, surge {1} %, unavailable {2} %: peak {3} running, low {4} serving")
    @CsvSource({"4, 25, 25, 5, 3", "4, 0, 25, 4, 3", "4, 25, 0, 5, 4"})
    void shouldUseTheWholeBudget(int replicas, double surge, double unavailable, int peak, int low) {
        RollingBudget budget = RollingBudget.of(replicas, bounds(surge, unavailable));
        Host host = new Host(budget, new Random(7));

        for (Step step : new RollingStrategy(bounds(surge, unavailable))
                .plan(new Capabilities("docker", true, true))
                .steps()) {
            if (step instanceof Step.RollingBatch batch) {
                host.runBatch(budget.wanted(batch.share().value()));
            }
        }

        assertThat(host.moments.stream().mapToInt(RollingBudget.Counts::running).max())
                .hasValue(peak);
        assertThat(host.moments.stream()
                        .mapToInt(RollingBudget.Counts::available)
                        .min())
                .hasValue(low);
    }

    private static RollingBounds bounds(double surge, double unavailable) {
        return new RollingBounds(new Percentage(surge), new Percentage(unavailable));
    }

    /** A host as the target sees it, moved one container at a time, every moment written down. */
    private static final class Host {

        final RollingBudget budget;
        final Random random;
        final List<RollingBudget.Counts> moments = new ArrayList<>();
        int stable;
        int ready;
        int starting;

        Host(RollingBudget budget, Random random) {
            this.budget = budget;
            this.random = random;
            this.stable = budget.replicas();
            note();
        }

        void runBatch(int wanted) {
            apply(budget.next(wanted, counts())); // rollTo
            for (int poll = 0; !budget.done(wanted, counts()); poll++) {
                assertThat(poll).as("batch of " + wanted + " makes progress").isLessThan(1_000);
                // health: some of the starting candidates have become healthy and get their weight, one by one
                int healthy = starting == 0 ? 0 : random.nextInt(starting + 1);
                for (int i = 0; i < healthy; i++) {
                    starting--;
                    ready++;
                    note();
                }
                apply(budget.next(wanted, counts()));
            }
        }

        private void apply(RollingBudget.Moves moves) {
            for (int i = 0; i < moves.stopStable(); i++) {
                stable--; // out of the proxy, then stopped: both lower the counts at once for this model
                note();
            }
            for (int i = 0; i < moves.startCandidates(); i++) {
                starting++;
                note();
            }
        }

        private RollingBudget.Counts counts() {
            return new RollingBudget.Counts(stable, ready, starting);
        }

        private void note() {
            moments.add(counts());
        }
    }
}
