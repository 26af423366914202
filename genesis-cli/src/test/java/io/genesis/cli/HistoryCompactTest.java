package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.target.TargetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genesis history --compact}: each environment's retention from the policy files, end to end. */
class HistoryCompactTest {

    private static final String STEPS = "deploy; promote";

    @TempDir
    Path directory;

    private final RecordingKind recording = new RecordingKind();

    private Path state;

    /** Four rollouts to staging: shop 1.1.0, 1.2.0 (rolled back), 1.3.0, and cart 2.0.0. */
    @BeforeEach
    void deployFour() {
        state = directory.resolve("state");
        recording.deployToStaging(state, "shop", "1.1.0", STEPS);
        recording.target.failNext("promote", new TargetException("promote refused"));
        recording.deployToStaging(state, "shop", "1.2.0", STEPS);
        recording.deployToStaging(state, "shop", "1.3.0", STEPS);
        recording.deployToStaging(state, "cart", "2.0.0", STEPS);
    }

    private Path file(String name, String retention) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(
                file,
                "environments:\n  - name: staging\n    minPassRate: 95\n    minCoverage: 85\n    retention: "
                        + retention + "\n");
        return file;
    }

    @Test
    void shouldDropWhatTheTrustedPolicysRetentionLetsGoAndKeepWhatRunsNow() throws IOException {
        Path policy = file("policy.yaml", "{keep: 1, days: 0}");

        Run run = Run.of("history", "--state-dir", state.toString(), "--policy", policy.toString(), "--compact");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("genesis history: compacted " + state.resolve("history.jsonl") + ": kept 2, dropped 2 past"
                        + " retention (keep 500, days 365 where an environment sets no retention; staging: keep 1,"
                        + " days 0)\n");
        Run listed = Run.of("history", "--state-dir", state.toString());
        assertThat(listed.out())
                .contains("2 of 2 records")
                .contains("shop", "1.3.0")
                .contains("cart", "2.0.0");
        assertThat(listed.out()).doesNotContain("1.1.0").doesNotContain("1.2.0");
    }

    @Test
    void shouldKeepEverythingByDefault() {
        Run run = Run.of("history", "--state-dir", state.toString(), "--compact");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("kept 4, dropped 0 past retention (keep 500, days 365");
    }

    @Test
    void shouldRefuseACheckoutThatShortensTheRetentionAndDropNothing() throws IOException {
        Path checkout = file("genesis.yaml", "{keep: 1, days: 0}");

        Run run = Run.of("history", "--state-dir", state.toString(), "--config", checkout.toString(), "--compact");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err())
                .startsWith("genesis history: " + checkout + ", line 5, column 5: environments[0] (staging):"
                        + " retention keep 1, days 0 would loosen staging's keep 500, days 365 from the built-in"
                        + " defaults");
        assertThat(Run.of("history", "--state-dir", state.toString()).out()).contains("4 of 4 records");
    }
}
