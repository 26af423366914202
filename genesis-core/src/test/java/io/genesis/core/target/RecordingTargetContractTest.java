package io.genesis.core.target;

import io.genesis.core.time.ManualClock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/**
 * The in-memory target keeps the contract every real target keeps, so engine tests on it mean
 * something; also proves that the contract's checks pass on a target that behaves.
 */
class RecordingTargetContractTest {

    private static final DeploymentContext CANDIDATE =
            new DeploymentContext("rollout-1", DeploymentKey.of("shop", "staging"), new Version("1.1.0"), "abcdef1");

    @Nested
    class WithRouter extends Contract {
        WithRouter() {
            super(RecordingTarget.capable("shop", new ManualClock(Instant.EPOCH), "1.0.0"));
        }
    }

    @Nested
    class WithoutRouter extends Contract {
        WithoutRouter() {
            super(RecordingTarget.plain("shop", new ManualClock(Instant.EPOCH), "1.0.0"));
        }
    }

    abstract static class Contract extends DeploymentTargetContract {

        private final RecordingTarget target;

        Contract(RecordingTarget target) {
            this.target = target;
        }

        @Override
        protected DeploymentTarget target() {
            return target;
        }

        @Override
        protected String stableVersion() {
            return "1.0.0";
        }

        @Override
        protected DeploymentContext candidate() {
            return CANDIDATE;
        }

        @Override
        protected void settle() {
            // Changes take effect at once in memory.
        }

        @Override
        protected double trafficTo(String version) {
            double toCandidate = target.candidateTraffic();
            if (target.candidate().filter(version::equals).isPresent()) {
                return toCandidate;
            }
            return version.equals(target.stable()) ? 100 - toCandidate : 0;
        }

        @Override
        protected boolean runs(String version) {
            Optional<String> previous = target.previous();
            return version.equals(target.stable())
                    || target.candidate().filter(version::equals).isPresent()
                    || previous.filter(version::equals).isPresent();
        }
    }
}
