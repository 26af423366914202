package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code genesis demo --target docker} where no engine answers, and its wrong options. */
class DockerDemoTest {

    private final Host host =
            new Host(Clock.systemUTC(), TargetKinds::builtIn, Optional.empty(), "tester", Duration.ofMillis(50));

    @Test
    void shouldSayPlainlyThatNoEngineAnsweredAndExit2() {
        Run run = Run.on(
                host, "demo", "--target", "docker", "--target-option", "host=unix:///tmp/genesis-no-engine.sock");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "genesis demo --target docker: no Docker engine answered at unix:///tmp/genesis-no-engine.sock"
                                + " (--target-option host)")
                .contains("apt-get install docker.io haproxy")
                .contains("'genesis demo' without --target runs the same story on the sandbox");
        assertThat(run.out()).doesNotContain("genesis gate for staging");
    }

    @Test
    void shouldRefuseWhatTheDemoDoesNotTake() {
        assertThat(Run.on(host, "demo", "--target", "kubernetes").err())
                .contains("--target kubernetes is not a demo target; use sandbox or docker");
        assertThat(Run.on(host, "demo", "--target-option", "host=unix:///x.sock")
                        .exitCode())
                .isEqualTo(2);
        Run unknown = Run.on(host, "demo", "--target", "docker", "--target-option", "image=shop:1");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("unknown --target-option 'image'; the demo takes host, tlsCertPath and proxyPort");
    }
}
