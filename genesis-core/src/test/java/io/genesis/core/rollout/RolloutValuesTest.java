package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.target.TargetSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RolloutValuesTest {

    @Test
    void shouldMakeIdsThatSortByTime() {
        Supplier<RolloutId> early =
                RolloutId.generator(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
        Supplier<RolloutId> late =
                RolloutId.generator(Clock.fixed(Instant.parse("2026-11-27T10:00:01Z"), ZoneOffset.UTC));

        RolloutId first = early.get();
        RolloutId second = late.get();

        assertThat(first.value()).matches("r-[0-9a-f]{11}-[0-9a-f]{6}");
        assertThat(first).isLessThan(second);
        assertThat(RolloutId.sequence("t").get()).hasToString("t-0001");
        assertThatThrownBy(() -> RolloutId.of("../etc")).hasMessageStartingWith("rollout id '../etc' is not valid");
    }

    @Test
    void shouldHoldTheEngineDefaults() {
        EngineSettings defaults = EngineSettings.defaults("jenkins@ci-1");

        assertThat(defaults.leaseTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.progressDeadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.whenBusy()).isEqualTo(ConcurrencyPolicy.QUEUE);
        assertThat(defaults.supersedeAwaitingApproval()).isTrue();
        assertThat(defaults.recovery()).isEqualTo(RecoveryPolicy.RESUME);
        assertThat(defaults.withPollInterval(Duration.ofSeconds(1)).pollInterval())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.withProgressDeadline(Duration.ofMinutes(3)).progressDeadline())
                .isEqualTo(Duration.ofMinutes(3));
        assertThat(defaults.withRollbackAttempts(5, Duration.ofSeconds(2)).rollbackAttempts())
                .isEqualTo(5);
        assertThatThrownBy(() -> EngineSettings.defaults(" ")).hasMessageStartingWith("owner must name this engine");
        assertThatThrownBy(() -> defaults.withLeaseTtl(Duration.ZERO))
                .hasMessage("leaseTtl must be positive, got PT0S");
        assertThatThrownBy(() -> defaults.withRollbackAttempts(0, Duration.ofSeconds(1)))
                .hasMessage("rollbackAttempts must be at least 1, got 0");
    }

    @Test
    void shouldTakeTheEnvironmentsRulesIntoTheRequest() {
        RolloutRequest request = RolloutRequest.builder(
                        "shop", Environments.defaults().named("production"))
                .commit("A1B2C3D4E5F6")
                .ref(SourceRef.tag("v2.0.0"))
                .target(TargetSpec.of("kubernetes"))
                .metrics(MetricSpec.of("prometheus"))
                .initiator("bob")
                .build();

        assertThat(request.version().value()).isEqualTo("2.0.0");
        assertThat(request.commit()).isEqualTo("a1b2c3d4e5f6");
        assertThat(request.approval().required()).isTrue();
        assertThat(request.refs().tags()).containsExactly("v*");
        assertThat(request.strategy()).isEqualTo("blueGreen");
        assertThatThrownBy(() -> RolloutRequest.builder(
                                "shop", Environments.defaults().named("staging"))
                        .commit("a1b2c3d")
                        .target(TargetSpec.of("kubernetes"))
                        .initiator("bob")
                        .build())
                .hasMessageStartingWith("ref: set the branch or tag");
        assertThatThrownBy(() -> RolloutRequest.builder(
                                "shop", Environments.defaults().named("staging"))
                        .commit("a1b2c3d")
                        .ref(SourceRef.branch("main"))
                        .target(TargetSpec.of("kubernetes"))
                        .build())
                .hasMessage("initiator must name who starts the rollout");
        assertThat(RolloutStatus.SUCCEEDED.ended()).isTrue();
        assertThat(new RolloutEvent(RolloutId.of("r-1"), request.key(), Instant.EPOCH, "hello"))
                .hasToString("1970-01-01T00:00:00Z [r-1 shop in production] hello");
    }
}
