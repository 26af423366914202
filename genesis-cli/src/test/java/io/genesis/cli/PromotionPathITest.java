package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The promotion path through {@code genesis deploy} on the real sandbox: production only after staging. */
class PromotionPathITest {

    private static final String STEPS = "deploy; smoke; promote";

    @TempDir
    Path dir;

    /** A host with the standard sandbox (and the recording kind, unused here). */
    private final Host host = new RecordingKind().host();

    private Path policy() throws IOException {
        // production keeps its default promotion path: staging first.
        return Files.writeString(dir.resolve("policy.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                  - name: production
                    minPassRate: 98
                    minCoverage: 85
                    allowedBranches: [main]
                """);
    }

    private Run deploy(String environment, String version, String... more) throws IOException {
        return Run.on(
                host,
                CommandLines.deploy(
                        dir.resolve("state"),
                        "shop",
                        CommandLines.concat(
                                List.of(
                                        "--environment",
                                        environment,
                                        "--target",
                                        "sandbox",
                                        "--version",
                                        version,
                                        "--steps",
                                        STEPS,
                                        "--policy",
                                        policy().toString()),
                                more)));
    }

    private List<DeploymentRecord> records() {
        return CommandLines.records(dir.resolve("state"));
    }

    @Test
    void shouldRefuseProductionUntilTheVersionSucceededInStaging() throws IOException {
        Run refused = deploy("production", "1.3.0");

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err())
                .contains("genesis deploy: shop 1.3.0 may not go to production yet: production requires a successful"
                        + " deployment in staging, and 1.3.0 was never deployed there; fix: deploy it there first and"
                        + " let it succeed, or bypass the promotion path with --force --reason TEXT");
        assertThat(records()).isEmpty();

        Run staging = deploy("staging", "1.3.0");
        assertThat(staging.exitCode()).as(staging.out() + staging.err()).isZero();

        Run production = deploy("production", "1.3.0");
        assertThat(production.exitCode())
                .as(production.out() + production.err())
                .isZero();
        assertThat(records())
                .extracting(DeploymentRecord::environment, DeploymentRecord::status)
                .containsExactly(tuple("production", RecordStatus.SUCCEEDED), tuple("staging", RecordStatus.SUCCEEDED));
    }

    @Test
    void shouldRecordABypassWithItsReasonAndShowItInHistory() throws IOException {
        Run withoutReason = deploy("production", "1.4.0", "--force");
        assertThat(withoutReason.exitCode()).isEqualTo(2);
        assertThat(withoutReason.err()).contains("genesis deploy: --force needs --reason");
        assertThat(records()).isEmpty();

        Run forced = deploy("production", "1.4.0", "--force", "--reason", "hotfix for INC-42");

        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
        String note = "promotion path bypassed with --force: hotfix for INC-42 (production requires a successful"
                + " deployment in staging, and 1.4.0 was never deployed there)";
        assertThat(records().get(0).notes()).contains(note);
        Run history = Run.of("history", "--state-dir", dir.resolve("state").toString(), "--details");
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains("note: " + note);
    }
}
