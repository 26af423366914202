package io.genesis.core.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentKey;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandHookRunnerTest {

    private static final HookContext PREVIEW = new HookContext(
            "r-1",
            new DeploymentKey("shop", "staging"),
            "1.2.3",
            "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
            HookPhase.PRE_TRAFFIC,
            URI.create("http://127.0.0.1:8123"));

    @TempDir
    Path workspace;

    @Test
    void shouldPassACommandThatExitsZeroWithItsOutput() throws Exception {
        HookReport report = run(Hook.command(HookPhase.PRE_TRAFFIC, "echo smoke ok"), PREVIEW);

        assertThat(report.passed()).isTrue();
        assertThat(report.exitCode()).isZero();
        assertThat(report.output()).isEqualTo("smoke ok");
    }

    @Test
    void shouldFailACommandThatExitsNonZeroWithItsExitCode() throws Exception {
        HookReport report = run(Hook.command(HookPhase.PRE_TRAFFIC, "echo 1 failed >&2; exit 3"), PREVIEW);

        assertThat(report.passed()).isFalse();
        assertThat(report.exitCode()).isEqualTo(3);
        assertThat(report.detail()).isEqualTo("exit code 3");
        assertThat(report.output()).isEqualTo("1 failed");
    }

    @Test
    void shouldGiveTheCommandTheCandidatesAddressAsPlaceholderAndVariable() throws Exception {
        HookReport report = run(
                Hook.command(
                        HookPhase.PRE_TRAFFIC,
                        "echo {url} $GENESIS_PREVIEW_URL {version} $GENESIS_ENVIRONMENT $GENESIS_PHASE"),
                PREVIEW);

        assertThat(report.output()).isEqualTo("http://127.0.0.1:8123 http://127.0.0.1:8123 1.2.3 staging preTraffic");
    }

    @Test
    void shouldRefuseTheUrlPlaceholderWhenTheTargetGivesNoAddress() {
        HookContext none =
                new HookContext("r-1", PREVIEW.key(), "1.2.3", PREVIEW.commit(), HookPhase.PRE_TRAFFIC, null);

        assertThatThrownBy(() -> runner().start(Hook.command(HookPhase.PRE_TRAFFIC, "curl {url}"), none))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("uses {url}, but the target gives no address");
    }

    @Test
    void shouldKeepOnlyTheTailOfALongOutputWithSecretsMasked() throws Exception {
        HookReport report = run(
                Hook.command(
                        HookPhase.PRE_TRAFFIC,
                        "i=0; while [ $i -lt 5000 ]; do echo line $i; i=$((i+1)); done;"
                                + " echo calling https://ci:hunter2@127.0.0.1/x"),
                PREVIEW);

        assertThat(report.output()).hasSizeLessThanOrEqualTo(OutputTail.LIMIT + 1);
        assertThat(report.output()).startsWith("…line ").endsWith("calling https://****@127.0.0.1/x");
        assertThat(report.output()).doesNotContain("hunter2");
    }

    @Test
    void shouldJudgeTheJUnitReportTheHookWroteAgainstThePassRate() throws Exception {
        Hook hook = Hook.command(HookPhase.PRE_TRAFFIC, "cp " + report(1, 3) + " smoke.xml")
                .withJunit("smoke.xml", Percentage.of("minPassRate", 95));

        HookReport report = run(hook, PREVIEW);

        assertThat(report.passed()).isFalse();
        assertThat(report.exitCode()).isZero();
        assertThat(report.reading()).isEqualTo("4 tests run, 3 passed, 1 failed: pass rate 75.00 % < 95.00 % required");
        assertThat(report.detail()).isEqualTo("exit code 0; the smoke criteria were not met");
    }

    @Test
    void shouldPassWhenTheReportMeetsTheBar() throws Exception {
        Hook hook = Hook.command(HookPhase.PRE_TRAFFIC, "cp " + report(0, 4) + " smoke.xml")
                .withJunit("smoke.xml", Percentage.of("minPassRate", 95));

        HookReport report = run(hook, PREVIEW);

        assertThat(report.passed()).isTrue();
        assertThat(report.reading())
                .isEqualTo("4 tests run, 4 passed, 0 failed: pass rate 100.00 % >= 95.00 % required");
    }

    @Test
    void shouldNotPassOnAReportLeftFromAnEarlierRun() throws Exception {
        Files.copy(report(0, 4), workspace.resolve("smoke.xml"));
        Hook hook = Hook.command(HookPhase.PRE_TRAFFIC, "true").withJunit("smoke.xml", Percentage.HUNDRED);

        HookReport report = run(hook, PREVIEW);

        assertThat(report.passed()).isFalse();
        assertThat(report.reading()).startsWith("no JUnit report matching 'smoke.xml' was written by the hook");
    }

    @Test
    void shouldStopAHookAndItsChildren() throws Exception {
        HookRun run = runner().start(Hook.command(HookPhase.PRE_TRAFFIC, "sleep 600"), PREVIEW);
        assertThat(run.poll()).isEmpty();

        run.stop();
        run.ended().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(poll(run).passed()).isFalse();
    }

    private Path report(int failed, int passed) throws Exception {
        StringBuilder xml = new StringBuilder(
                "<testsuite name='smoke' tests='" + (failed + passed) + "' failures='" + failed + "'>");
        for (int i = 0; i < passed; i++) {
            xml.append("<testcase classname='smoke' name='ok").append(i).append("'/>");
        }
        for (int i = 0; i < failed; i++) {
            xml.append("<testcase classname='smoke' name='bad")
                    .append(i)
                    .append("'><failure message='503'/></testcase>");
        }
        Path file = Files.createTempFile(workspace.getParent(), "smoke", ".xml");
        Files.writeString(file, xml.append("</testsuite>"));
        file.toFile().deleteOnExit();
        return file;
    }

    private HookReport run(Hook hook, HookContext context) throws Exception {
        HookRun run = runner().start(hook, context);
        run.ended().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return poll(run);
    }

    /** The report of a run that has ended: its output is read to the end once the process has exited. */
    private static HookReport poll(HookRun run) {
        return run.poll().or(run::poll).orElseThrow();
    }

    private CommandHookRunner runner() {
        return new CommandHookRunner(workspace);
    }
}
