package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.notify.Receiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genesis deploy} telling its rollout to a webhook and Slack on 127.0.0.1 through the outbox. */
class NotifyCommandsTest {

    private static final String QUICK = "deploy; smoke; weight 50; weight 100; promote; scaleDown";
    private static final String SLACK_SECRET = "/services/T0CLI/B0CLI/cliSecretHookPath";

    @TempDir
    Path dir;

    private final RecordingKind recording = new RecordingKind();
    private final Receiver webhook = Receiver.start();
    private final Receiver slack = Receiver.start();

    @AfterEach
    void stop() {
        webhook.close();
        slack.close();
    }

    private Path policy(String notify) throws IOException {
        return Files.writeString(dir.resolve("policy.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    notify:
                """ + notify);
    }

    private Run deploy(Path policy) {
        return Run.on(
                recording.host(),
                CommandLines.deploy(
                        dir.resolve("state"),
                        "shop",
                        "--environment",
                        "staging",
                        "--target",
                        "recording",
                        "--version",
                        "1.3.0",
                        "--steps",
                        QUICK,
                        "--policy",
                        policy.toString()));
    }

    @Test
    void shouldTellTheRolloutToEveryChannelBeforeExiting() throws IOException {
        Path secret = Files.writeString(dir.resolve("slack-url"), slack.url(SLACK_SECRET) + "\n");
        Run run = deploy(policy("      - {name: audit, type: webhook, url: '" + webhook.url("/genesis") + "'}\n"
                + "      - {name: ops, type: slack, urlFile: '" + secret + "'}\n"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<String> kinds = new ArrayList<>();
        for (Receiver.Received received : webhook.received()) {
            kinds.add(json.readTree(received.body()).path("kind").asText());
        }
        assertThat(kinds).containsExactly("rollout.started", "rollout.promoted");
        assertThat(slack.received())
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.path()).isEqualTo(SLACK_SECRET));
        assertThat(json.readTree(slack.received().get(1).body()).path("text").asText())
                .isEqualTo("rollout of shop 1.3.0 to staging succeeded: the new version takes all traffic");
        assertThat(run.out() + run.err()).doesNotContain("cliSecretHookPath");
        assertThat(stateFiles()).noneMatch(text -> text.contains("cliSecretHookPath"));
    }

    @Test
    void shouldKeepWhatCouldNotBeSentAndSaySoWithoutDelayingTheDeploy() throws IOException {
        webhook.down();
        Run run = deploy(policy("      - {name: audit, type: webhook, url: '" + webhook.url("/genesis") + "'}\n"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.err())
                .contains("genesis: 2 notification(s) not delivered yet; they wait in "
                        + dir.resolve("state").resolve("notifications"));
        assertThat(stateFiles())
                .filteredOn(text -> text.contains("\"status\":\"PENDING\""))
                .hasSize(2);
    }

    @Test
    void shouldRefuseABadNotifySectionNamingTheFileAndLine() throws IOException {
        Run run = deploy(policy("      - {name: ops, type: slack}\n"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err())
                .contains("policy.yaml, line 6")
                .contains("environments[0] (staging): notify[0] (ops): channel ops (slack) needs exactly one of url,"
                        + " urlEnv, urlFile or credentialsId");
    }

    private List<String> stateFiles() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
