package io.genesis.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.genesis.core.policy.Percentage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeploymentTarget} must do, read from the port's Javadoc: each operation is
 * idempotent (the engine repeats the one a crash interrupted), a candidate starts beside stable
 * without user traffic, rollback sends all traffic back to stable whichever step was reached,
 * and the previous version stays until it is scaled down. Subclasses supply a fresh target
 * running {@link #stableVersion()}, the means to let the world catch up with what was asked (a
 * controller reconciling, a proxy reloading), and a view of where traffic really goes, read from
 * the world rather than from the target under test.
 *
 * <p>Applies to targets whose candidate runs beside stable (blue-green, canary); a rolling-only
 * layout replaces stable in place and is covered by the engine's rolling tests instead.
 */
public abstract class DeploymentTargetContract {

    /** The target under test, running {@link #stableVersion()} and no candidate; the same instance each call within a test. */
    protected abstract DeploymentTarget target();

    /** The version serving all traffic before the test. */
    protected abstract String stableVersion();

    /** The candidate the test deploys: its version differs from {@link #stableVersion()}. */
    protected abstract DeploymentContext candidate();

    /** Lets the world carry out what the target asked for, as its controllers eventually would. */
    protected abstract void settle();

    /** The share of user traffic, in percent, that instances of {@code version} receive now. */
    protected abstract double trafficTo(String version);

    /** Whether any instance of {@code version} runs now, serving or not. */
    protected abstract boolean runs(String version);

    /**
     * The most traffic a candidate may take before any weight is set: none by the port's
     * contract; a target that cannot start a candidate without traffic overrides this and says
     * why.
     */
    protected double maximumTrafficToAFreshCandidate() {
        return 0;
    }

    /**
     * Whether the previous version keeps running after promote until scaled down (instant
     * rollback); a target that replaces it in place during promote overrides this and says why.
     */
    protected boolean keepsThePreviousVersionAfterPromote() {
        return true;
    }

    /** Promotes the candidate and polls {@link DeploymentTarget#promoted} as the engine does, letting the world settle. */
    private void promote() {
        target().promote(candidate());
        settle();
        Health promoted = target().promoted(candidate());
        for (int poll = 0; poll < 20 && !promoted.isHealthy(); poll++) {
            settle();
            promoted = target().promoted(candidate());
        }
        assertThat(promoted.isHealthy()).as("promote completes: " + promoted).isTrue();
    }

    private String candidateVersion() {
        return candidate().version().value();
    }

    @Test
    void shouldDescribeItselfInOneLine() {
        assertThat(target().describe()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void shouldStartTheCandidateBesideStableWithoutTraffic() {
        target().deployCandidate(candidate());
        settle();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(runs(candidateVersion())).as("candidate runs").isTrue();
        softly.assertThat(runs(stableVersion())).as("stable runs").isTrue();
        softly.assertThat(trafficTo(candidateVersion()))
                .as("traffic to the candidate")
                .isBetween(0.0, maximumTrafficToAFreshCandidate());
        softly.assertThat(trafficTo(stableVersion()))
                .as("traffic to stable")
                .isEqualTo(100.0 - trafficTo(candidateVersion()));
        softly.assertAll();
    }

    @Test
    void shouldReportAFreshCandidateAsStartingAndThenHealthy() {
        target().deployCandidate(candidate());

        Health fresh = target().health(candidate());
        settle();

        assertThat(fresh.state()).isNotEqualTo(Health.State.UNHEALTHY);
        assertThat(target().health(candidate()).isHealthy()).isTrue();
        assertThat(target().smokeCheck(candidate()).isHealthy()).isTrue();
    }

    @Test
    void shouldDeployTheCandidateOnlyOnceWhenAskedTwice() {
        target().deployCandidate(candidate());
        settle();
        target().deployCandidate(candidate());
        settle();

        assertThat(target().health(candidate()).isHealthy()).isTrue();
        assertThat(trafficTo(candidateVersion())).isBetween(0.0, maximumTrafficToAFreshCandidate());
        assertThat(runs(candidateVersion())).isTrue();
    }

    @Test
    void shouldGiveTheCandidateAllTrafficOnPromoteAndKeepThePreviousVersion() {
        readyCandidate();

        promote();
        promote();

        assertThat(trafficTo(candidateVersion())).isEqualTo(100.0);
        assertThat(runs(stableVersion()))
                .as("previous version kept for instant rollback")
                .isEqualTo(keepsThePreviousVersionAfterPromote());
    }

    @Test
    void shouldScaleThePreviousVersionDownAfterPromote() {
        readyCandidate();
        promote();

        target().scaleDownPrevious(candidate());
        settle();
        target().scaleDownPrevious(candidate());
        settle();

        assertThat(runs(stableVersion())).isFalse();
        assertThat(trafficTo(candidateVersion())).isEqualTo(100.0);
    }

    @Test
    void shouldSendTheRoutersWeightToTheCandidate() {
        assumeThat(target().trafficRouter())
                .as("a target with a traffic router")
                .isPresent();
        readyCandidate();
        TrafficRouter router = target().trafficRouter().orElseThrow();

        router.setWeight(candidate(), new Percentage(50));
        router.setWeight(candidate(), new Percentage(50));
        settle();

        // Polled as the engine does: a router may apply a weight in phases (grow one side, then shrink the other).
        boolean applied = router.verifyWeight(candidate(), new Percentage(50));
        for (int poll = 0; poll < 5 && !applied; poll++) {
            settle();
            applied = router.verifyWeight(candidate(), new Percentage(50));
        }
        settle();
        assertThat(applied).isTrue();
        assertThat(trafficTo(candidateVersion())).isEqualTo(50.0);
    }

    @Test
    void shouldReturnAllTrafficToStableOnRollbackBeforePromote() {
        readyCandidate();
        target().trafficRouter().ifPresent(router -> router.setWeight(candidate(), new Percentage(50)));
        settle();

        target().rollback(candidate());
        settle();
        target().rollback(candidate());
        settle();

        assertThat(trafficTo(stableVersion()))
                .as("traffic restored before clean-up")
                .isEqualTo(100.0);
        retireTwice();
        assertThat(trafficTo(stableVersion())).isEqualTo(100.0);
        assertThat(runs(candidateVersion())).as("candidate retired").isFalse();
        target().trafficRouter()
                .ifPresent(router -> assertThat(router.verifyWeight(candidate(), Percentage.ZERO))
                        .as("router verifies weight 0")
                        .isTrue());
    }

    @Test
    void shouldReturnAllTrafficToThePreviousVersionOnRollbackAfterPromote() {
        readyCandidate();
        promote();

        target().rollback(candidate());
        settle();
        target().rollback(candidate());
        settle();

        assertThat(trafficTo(stableVersion()))
                .as("traffic restored before clean-up")
                .isEqualTo(100.0);
        assertThat(trafficTo(candidateVersion())).isZero();
        retireTwice();
        assertThat(trafficTo(stableVersion())).isEqualTo(100.0);
        assertThat(runs(stableVersion())).isTrue();
    }

    @Test
    void shouldChangeNothingOnRollbackWhenNoCandidateWasDeployed() {
        target().rollback(candidate());
        settle();
        target().retireCandidate(candidate());
        settle();

        assertThat(trafficTo(stableVersion())).isEqualTo(100.0);
        assertThat(runs(candidateVersion())).isFalse();
    }

    /** Clean-up after a rollback is repeated after a crash, so it must be idempotent too. */
    private void retireTwice() {
        target().retireCandidate(candidate());
        settle();
        target().retireCandidate(candidate());
        settle();
    }

    private void readyCandidate() {
        target().deployCandidate(candidate());
        settle();
        assertThat(target().health(candidate()).isHealthy())
                .as("candidate healthy after settling")
                .isTrue();
    }
}
