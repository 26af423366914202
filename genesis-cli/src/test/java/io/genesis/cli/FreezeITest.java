package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.freeze.FreezeWindow;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freeze windows through {@code genesis deploy} on the real sandbox: refused while one holds, let through
 * with {@code --force --reason}, which the record keeps. The windows are dated around the present, read
 * in Tokyo's zone; the rule itself runs on a simulated clock across zones and DST in core's tests.
 */
class FreezeITest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path dir;

    private final Host host = new RecordingKind().host();

    private String window(String reason, long fromHours, long untilHours) {
        LocalDateTime now = LocalDateTime.now(host.clock().withZone(TOKYO)).truncatedTo(ChronoUnit.MINUTES);
        return "      - reason: " + reason + "\n"
                + "        timeZone: Asia/Tokyo\n"
                + "        from: " + now.plusHours(fromHours) + "\n"
                + "        until: " + now.plusHours(untilHours) + "\n";
    }

    private Path policy(String stagingFreeze) throws IOException {
        return Files.writeString(
                Files.createDirectories(dir.resolve("trusted")).resolve("policy.yaml"),
                """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                """ + (stagingFreeze.isEmpty() ? "" : "    freeze:\n" + stagingFreeze));
    }

    private Run deploy(Path policy, String... more) {
        Path checkout = dir.resolve("checkout").resolve(ConfigFile.FILE_NAME);
        if (Files.exists(checkout)) {
            more = CommandLines.concat(List.of("--config", checkout.toString()), more);
        }
        return Run.on(
                host,
                CommandLines.deploy(
                        dir.resolve("state"),
                        "shop",
                        CommandLines.concat(
                                List.of(
                                        "--environment",
                                        "staging",
                                        "--target",
                                        "sandbox",
                                        "--version",
                                        "2.0.0",
                                        "--steps",
                                        "deploy; smoke; promote",
                                        "--policy",
                                        policy.toString()),
                                more)));
    }

    @Test
    void shouldRefuseADeployDuringAFreezeAndRecordAnOverride() throws IOException {
        Path policy = policy(window("release party", -1, 2) + window("past", -30, -20));

        Run refused = deploy(policy);

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err())
                .contains("genesis deploy: no deploys to staging now: staging is frozen until ")
                .contains("[Asia/Tokyo] (release party); fix: deploy after the freeze, or override it with --force"
                        + " --reason TEXT");
        assertThat(CommandLines.records(dir.resolve("state"))).isEmpty();

        Run forced = deploy(policy, "--force", "--reason", "INC-7 hotfix");

        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
        List<DeploymentRecord> records = CommandLines.records(dir.resolve("state"));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).notes())
                .anySatisfy(note -> assertThat(note)
                        .startsWith("freeze overridden with --force: INC-7 hotfix (staging is frozen until ")
                        .endsWith("[Asia/Tokyo] (release party))"));
        assertThat(records.get(0).notes())
                .as("checked again before promotion, and overridden again")
                .anySatisfy(note -> assertThat(note).startsWith("freeze overridden at promotion: INC-7 hotfix ("));
        // The calendar travels with the rollout, for a genesis serve or rollback that would carry it on.
        RolloutState stored = new StateDir(dir.resolve("state"))
                .states()
                .load(RolloutId.of(records.get(0).id()))
                .orElseThrow();
        assertThat(stored.request().freezes().windows())
                .extracting(FreezeWindow::reason)
                .containsExactly("release party", "past");
    }

    @Test
    void shouldLetACheckoutAddAFreezeButNotDropTheTrustedOnes() throws IOException {
        Path policy = policy(window("past", -30, -20));
        Files.writeString(
                Files.createDirectories(dir.resolve("checkout")).resolve(ConfigFile.FILE_NAME),
                "environments:\n  - name: staging\n    freeze:\n" + window("team offsite", -1, 1));

        Run refused = deploy(policy);

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("(team offsite)");

        Files.writeString(
                Files.createDirectories(dir.resolve("checkout")).resolve(ConfigFile.FILE_NAME),
                "environments:\n  - name: staging\n    freeze: []\n");
        Path frozen = policy(window("trusted freeze", -1, 1));
        Run stillRefused = deploy(frozen);
        assertThat(stillRefused.exitCode()).isEqualTo(2);
        assertThat(stillRefused.err()).contains("(trusted freeze)");
    }

    @Test
    void shouldNameTheLineOfABadWindow() throws IOException {
        Path policy = Files.writeString(
                Files.createDirectories(dir.resolve("trusted")).resolve("policy.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    freeze:
                      - reason: nightly
                        timeZone: UTC
                        cron: "0 25 * * *"
                        duration: 2h
                """);

        Run refused = deploy(policy);

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains(policy + ", line 8")
                .contains("environments[0] (staging): freeze[0].cron the hour field '25' is not valid: it must be from"
                        + " 0 to 23");
    }
}
