package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentHealthDeadlineTest {

    private static final Environment STAGING =
            Environments.defaults().named("staging").withHealthDeadline(Duration.ofMinutes(15));

    @Test
    void shouldDefaultToKubernetesOwnProgressDeadline() {
        assertThat(Environments.defaults().named("production").healthDeadline()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void shouldTakeTheEnvironmentsDeadlineWhenTheDeployAsksForNone() {
        assertThat(STAGING.healthDeadlineFor(Optional.empty(), "--health-timeout"))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest
    @CsvSource({"PT1S", "PT30S", "PT15M"})
    void shouldTakeADeploysDeadlineUpToTheEnvironments(Duration asked) {
        assertThat(STAGING.healthDeadlineFor(Optional.of(asked), "--health-timeout"))
                .isEqualTo(asked);
    }

    @Test
    void shouldRefuseADeploysDeadlineLongerThanTheEnvironmentAllowsNamingTheFix() {
        assertThatThrownBy(() -> STAGING.healthDeadlineFor(
                        Optional.of(Duration.ofMinutes(15).plusSeconds(1)), "healthTimeout"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("healthTimeout 15 min 1 s is longer than the 15 min environment staging allows; fix: ask"
                        + " for at most that, or raise healthDeadlineMinutes of staging in its configuration");
    }

    @ParameterizedTest
    @CsvSource({"PT0S, 0 s", "PT-5S, -5 s"})
    void shouldRefuseANonPositiveDeadline(Duration asked, String shown) {
        assertThatThrownBy(() -> STAGING.healthDeadlineFor(Optional.of(asked), "--health-timeout"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--health-timeout must be longer than 0 s, got " + shown);
    }

    @ParameterizedTest
    @CsvSource({"PT59S", "PT61M", "PT90S"})
    void shouldRefuseAnEnvironmentDeadlineOutOfRange(Duration deadline) {
        assertThatThrownBy(() -> STAGING.withHealthDeadline(deadline))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the health deadline must be whole minutes from 1 to 60");
    }
}
