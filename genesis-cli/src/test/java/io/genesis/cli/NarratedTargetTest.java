package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Health;
import io.genesis.core.target.RecordingTarget;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarratedTargetTest {

    private static final DeploymentContext CANDIDATE =
            new DeploymentContext("r-1", DeploymentKey.of("shop", "staging"), new Version("1.1.0"), "abcdef1");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final RecordingTarget recording = RecordingTarget.capable("recording shop", clock, "1.0.0");
    private final List<String> lines = new ArrayList<>();
    private final NarratedTarget target = new NarratedTarget(recording, lines::add, clock, Duration.ofMinutes(2));

    @Test
    void shouldSayWhatItWaitsForAndTheLastAnswerEveryFewSeconds() {
        recording.health(
                Health.progressing("health endpoint refused the connection"),
                Health.progressing("health endpoint answered 503"),
                Health.progressing("health endpoint answered 503"),
                Health.progressing("health endpoint answered 503"));

        target.health(CANDIDATE);
        clock.advance(Duration.ofSeconds(2));
        target.health(CANDIDATE);
        assertThat(lines).as("nothing before the first five seconds").isEmpty();
        clock.advance(Duration.ofSeconds(3));
        target.health(CANDIDATE);
        clock.advance(Duration.ofSeconds(1));
        target.health(CANDIDATE);

        assertThat(lines)
                .containsExactly(
                        "still waiting for the candidate to be healthy on recording target recording shop (5 s of at most"
                                + " 2 min); last answer: health endpoint answered 503");
    }

    @Test
    void shouldStartCountingAgainOnceAnAnswerIsFinal() {
        recording.health(Health.progressing("starting"));
        target.health(CANDIDATE);
        clock.advance(Duration.ofSeconds(10));
        assertThat(target.health(CANDIDATE).isHealthy()).isTrue();

        recording.health(Health.progressing("starting again"));
        target.health(CANDIDATE);

        assertThat(lines).isEmpty();
    }

    @Test
    void shouldKeepTheTargetsCapabilities() {
        assertThat(target.trafficRouter()).isPresent();
        assertThat(target.rollingUpdater()).isPresent();
        assertThat(target.describe()).isEqualTo(recording.describe());
    }
}
