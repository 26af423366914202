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
        Path file = dir.resolve("policy.yaml");
        if (Files.exists(file)) {
            return file;
        }
        // production keeps its default promotion path: staging first.
        return Files.writeString(file, """
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

    /** A passing (or failing) build's reports, gated for {@code environment} from commit {@link CommandLines#COMMIT}. */
    private Run gate(String environment, String testReport) throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("TEST-a.xml"), testReport);
        Files.writeString(
                reports.resolve("jacoco.xml"), "<report><counter type=\"LINE\" missed=\"5\" covered=\"95\"/></report>");
        return Run.on(
                host,
                "gate",
                "--dir",
                reports.toString(),
                "--environment",
                environment,
                "--tests",
                "TEST-*.xml",
                "--coverage",
                "jacoco.xml",
                "--policy",
                policy().toString(),
                "--commit",
                CommandLines.COMMIT,
                "--state-dir",
                dir.resolve("state").toString());
    }

    @Test
    void shouldRequireAPassingGateForTheSameCommitWhereTheEnvironmentAsks() throws IOException {
        Path policy = policy();
        Files.writeString(policy, Files.readString(policy) + "    requiresGate: true\n");
        assertThat(deploy("staging", "1.5.0").exitCode()).isZero();

        Run refused = deploy("production", "1.5.0");
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err())
                .contains("production requires a passing gate for the same commit, and no gate was recorded for commit "
                        + CommandLines.COMMIT.substring(0, 7) + " against production's bar");

        Run failing = gate(
                "production",
                "<testsuite><testcase classname=\"a.T\" name=\"t\"><failure/></testcase>" + "</testsuite>");
        assertThat(failing.exitCode()).as(failing.out() + failing.err()).isEqualTo(1);
        assertThat(failing.err())
                .contains("genesis gate: recorded FAILED for commit " + CommandLines.COMMIT.substring(0, 7)
                        + " against production's bar in ");
        assertThat(deploy("production", "1.5.0").err()).contains("against production's bar ended FAILED");

        Run passing = gate("production", "<testsuite><testcase classname=\"a.T\" name=\"t\"/></testsuite>");
        assertThat(passing.exitCode()).as(passing.out() + passing.err()).isZero();
        Run production = deploy("production", "1.5.0");
        assertThat(production.exitCode())
                .as(production.out() + production.err())
                .isZero();
        assertThat(records())
                .extracting(DeploymentRecord::environment, DeploymentRecord::status)
                .containsExactly(tuple("production", RecordStatus.SUCCEEDED), tuple("staging", RecordStatus.SUCCEEDED));
    }
}
