package io.genesis.sandbox.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import io.genesis.sandbox.slot.CommandTemplate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SampleServiceMainTest {

    @Test
    void shouldReadEveryOption() {
        SampleServiceMain.Options options = SampleServiceMain.Options.parse(
                "--port",
                "8080",
                "--version",
                "2.0.0",
                "--failure-percent",
                "12.5",
                "--latency-ms",
                "40",
                "--unhealthy",
                "--shutdown-delay-ms",
                "300");

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.version()).isEqualTo("2.0.0");
        assertThat(options.faults()).isEqualTo(new FaultProfile(new Percentage(12.5), Duration.ofMillis(40), false));
        assertThat(options.shutdownDelay()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void shouldDefaultToAHealthyVersion() {
        SampleServiceMain.Options options = SampleServiceMain.Options.parse("--version", "1.0.0", "--port", "0");

        assertThat(options.faults()).isEqualTo(FaultProfile.none());
        assertThat(options.shutdownDelay()).isZero();
    }

    @Test
    void shouldExplainBadCommandLines() {
        assertThatThrownBy(() -> SampleServiceMain.Options.parse("--port", "1")).hasMessageContaining("are required");
        assertThatThrownBy(() -> SampleServiceMain.Options.parse("--port"))
                .hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> SampleServiceMain.Options.parse("--port", "x"))
                .hasMessageContaining("--port must be a whole number, got 'x'");
        assertThatThrownBy(() -> SampleServiceMain.Options.parse("--failure-percent", "lots"))
                .hasMessageContaining("--failure-percent must be a number");
        assertThatThrownBy(() -> SampleServiceMain.Options.parse("--verbose")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> SampleServiceMain.Options.parse("--port", "1", "--version", "1", "--latency-ms", "-1"))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void shouldBuildATemplateThatStartsThisProgram() {
        CommandTemplate template = SampleServiceMain.commandTemplate("--failure-percent", "20");

        assertThat(template.render(9000, "2.0.0"))
                .contains(SampleServiceMain.class.getName())
                .containsSubsequence("--port", "9000", "--version", "2.0.0", "--failure-percent", "20");
    }
}
