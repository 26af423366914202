package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenesisCommandTest {

    @Test
    void shouldShowHelpWithTheGateCommandAndExitCodes() {
        Run run = Run.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: genesis", "gate", "deploy", "rollback", "history", "status", "demo", "Exit codes:")
                .contains("3   the gate is unstable, or the rollout was aborted");
    }

    @Test
    void shouldShowTheBuiltVersion() {
        Run run = Run.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("genesis ").doesNotContain("${").doesNotContain("unknown");
    }

    @Test
    void shouldAskForACommandWhenGivenNone() {
        Run run = Run.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("name a command, such as 'genesis demo' or 'genesis gate'", "Usage: genesis");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownCommandOrOption() {
        assertThat(Run.of("deploy").exitCode()).isEqualTo(2);
        Run run = Run.of("gate", "--environment", "staging", "--tests", "x.xml", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void shouldShowTheGateCommandsOwnHelp() {
        Run run = Run.of("gate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--environment=NAME", "--tests=GLOB", "--require=NAME=GLOB", "--unstable-margin=POINTS");
    }
}
