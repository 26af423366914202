package io.jenkins.plugins.genesis.deploy;

import static io.jenkins.plugins.genesis.LiveJenkins.FAILURE;
import static io.jenkins.plugins.genesis.LiveJenkins.SUCCESS;
import static io.jenkins.plugins.genesis.LiveJenkins.action;
import static io.jenkins.plugins.genesis.LiveJenkins.createPipeline;
import static io.jenkins.plugins.genesis.LiveJenkins.get;
import static io.jenkins.plugins.genesis.LiveJenkins.run;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.cli.CLICommandInvoker;
import hudson.model.Item;
import hudson.security.Permission;
import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.Identity;
import io.genesis.core.target.DeploymentKey;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.target.SandboxTarget;
import io.jenkins.plugins.genesis.LiveJenkins;
import io.jenkins.plugins.genesis.LiveJenkins.Build;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * {@code genesisDeploy} and {@code genesisRollback} in real Pipelines against a sandbox in the
 * controller's JVM ({@code target: testSandbox()}). Run by the real plugin build only
 * (docs/building.md); the engine side runs here in {@code RolloutHostSandboxTest}.
 */
class GenesisDeployStepJenkinsTest {

    private static final DeploymentKey SHOP = DeploymentKey.of("shop", "staging");
    private static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final String DEPLOY = "genesisDeploy application: 'shop', environment: 'staging', version: '2.0.0',"
            + " commit: '" + COMMIT + "', ref: 'main', target: testSandbox()";
    private static final Pattern ROLLOUT = Pattern.compile("\\[genesis\\] (j-[0-9a-f]+): waiting for approval");

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private Sandbox sandbox;
    private SandboxTarget target;

    private void startSandbox(InProcessSlotLauncher launcher) {
        sandbox = Sandbox.start(SandboxConfig.defaults().withLauncher(launcher));
        target = SandboxTarget.start(SHOP, sandbox, "1.0.0");
        SandboxOpener.SANDBOXES.unregister(SHOP);
        SandboxOpener.SANDBOXES.register(target);
    }

    @AfterEach
    void stopSandbox() {
        SandboxOpener.SANDBOXES.unregister(SHOP);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void shouldDeployAndReturnTheRecordWithoutANode() throws Throwable {
        startSandbox(InProcessSlotLauncher.healthy());
        sessions.then(j -> {
            // when: no node {}: the step holds no executor
            Build build = run(
                    j,
                    "shop",
                    "def r = " + DEPLOY + ", shifts: '100'\necho \"status=${r.status} version=${r.version}\"");

            // then
            assertThat(build.result()).as(build.console()).isEqualTo(SUCCESS);
            assertThat(build.console()).contains("status=SUCCEEDED version=2.0.0", "[genesis] j-");
            assertThat(action(get(j, "job/shop/1/api/json?depth=2"), DeploymentAction.class.getName()))
                    .contains("\"status\":\"SUCCEEDED\"", "\"version\":\"2.0.0\"");
            assertThat(target.stable().version()).isEqualTo("2.0.0");
        });
    }

    /** The step's body is its rollout's pre-traffic hook: it runs on an agent, against the candidate's own address. */
    private static final String DEPLOY_WITH_BODY = "genesisDeploy(application: 'shop', environment: 'staging',"
            + " version: '2.0.0', commit: '" + COMMIT + "', ref: 'main', target: testSandbox(), shifts: '100')";

    @Test
    void shouldRollBackBeforeAnyTrafficWhenTheBodyFails() throws Throwable {
        startSandbox(InProcessSlotLauncher.healthy());
        sessions.then(j -> {
            // when: the smoke test in the body fails on the agent
            Build build = run(
                    j,
                    "shop",
                    DEPLOY_WITH_BODY
                            + " {\n  node {\n    sh 'echo smoke against $GENESIS_PREVIEW_URL; exit 1'\n  }\n}");

            // then: rolled back before any traffic, the body's failure in the record
            assertThat(build.result()).as(build.console()).isEqualTo(FAILURE);
            assertThat(build.console())
                    .contains("smoke against http://127.0.0.1:", "preTraffic hook started: the genesisDeploy body")
                    .contains("ROLLED_BACK");
            assertThat(action(get(j, "job/shop/1/api/json?depth=2"), DeploymentAction.class.getName()))
                    .contains("\"status\":\"ROLLED_BACK\"");
            assertThat(target.stable().version()).isEqualTo("1.0.0");
        });
    }

    @Test
    void shouldShiftTrafficOnceTheBodyPassesInDeclarative() throws Throwable {
        startSandbox(InProcessSlotLauncher.healthy());
        sessions.then(j -> {
            // when: Declarative accepts the block; the stage holds no agent, only the body asks for one
            Build build = run(
                    j,
                    "shop",
                    "pipeline {\n  agent none\n  stages {\n    stage('Staging') {\n      steps {\n        "
                            + DEPLOY_WITH_BODY
                            + " {\n          node {\n            sh 'test -n \"$GENESIS_PREVIEW_URL\"'\n          }\n"
                            + "        }\n      }\n    }\n  }\n}");

            // then
            assertThat(build.result()).as(build.console()).isEqualTo(SUCCESS);
            assertThat(target.stable().version()).isEqualTo("2.0.0");
        });
    }

    @Test
    void shouldFailTheStageWhenTheCanaryBreachesAndRollBack() throws Throwable {
        startSandbox(InProcessSlotLauncher.healthy()
                .withFaults("2.0.0", FaultProfile.none().failing(100)));
        sessions.then(j -> {
            // when
            Build build = run(
                    j,
                    "shop",
                    DEPLOY
                            + ", strategy: 'canary', shifts: '50:10s, 100', sampleInterval: '1s', onInconclusive: 'fail',"
                            + " probeUrl: '" + sandbox.proxyUri() + "'");

            // then
            assertThat(build.result()).as(build.console()).isEqualTo(FAILURE);
            assertThat(build.console()).contains("ROLLED_BACK");
            assertThat(get(j, "job/shop/1/api/json?depth=2")).contains("\"timeToRestoreMillis\"");
            assertThat(target.stable().version()).isEqualTo("1.0.0");
        });
    }

    @Test
    void shouldRollBackWhenTheBuildIsAbortedDuringACanary() throws Throwable {
        startSandbox(InProcessSlotLauncher.healthy());
        sessions.then(j -> {
            // given: a canary analysing at 20 % for an hour
            createPipeline(
                    j,
                    "shop",
                    DEPLOY + ", strategy: 'canary', shifts: '20:1h, 100', probeUrl: '" + sandbox.proxyUri() + "'");
            startBuild(j);
            awaitConsole(j, "analyse");

            // when
            CLICommandInvoker.Result stopped = new CLICommandInvoker(j, "stop-builds").invokeWithArgs("shop");
            assertThat(stopped.returnCode()).as(stopped.stderr()).isZero();
            String result = awaitResult(j);

            // then
            assertThat(result).isEqualTo("ABORTED");
            assertThat(get(j, "job/shop/1/consoleText")).contains("rolling back rollout");
            assertThat(get(j, "job/shop/1/api/json?depth=2")).contains("\"status\":\"ROLLED_BACK\"");
            assertThat(target.stable().version()).isEqualTo("1.0.0");
        });
    }

    @Test
    void shouldFinishARolloutApprovedAfterARestart() throws Throwable {
        startSandbox(InProcessSlotLauncher.healthy());
        String[] rollout = new String[1];
        sessions.then(j -> {
            // given: a rollout waiting for an administrator's approval
            createPipeline(
                    j,
                    "shop",
                    "def r = " + DEPLOY + ", steps: 'approve; deploy; smoke; weight 100; promote'\n"
                            + "echo \"status=${r.status}\"");
            startBuild(j);
            Matcher waiting = ROLLOUT.matcher(awaitConsole(j, "waiting for approval"));
            assertThat(waiting.find()).isTrue();
            rollout[0] = waiting.group(1);
        });
        sessions.then(j -> {
            // when: Jenkins has restarted and an administrator approves
            DeployEngine.decide(rollout[0], ApprovalDecision.approve(Identity.administrator("admin"), "go"));
            String result = awaitResult(j);

            // then
            assertThat(result).isEqualTo("SUCCESS");
            assertThat(get(j, "job/shop/1/consoleText")).contains("status=SUCCEEDED");
            assertThat(target.stable().version()).isEqualTo("2.0.0");
        });
    }

    @Test
    void shouldRefuseABuildWithoutTheDeployPermission() throws Throwable {
        startSandbox(InProcessSlotLauncher.healthy());
        sessions.then(j -> {
            // given: the job's builds run as bob, who may read and build but not deploy
            LiveJenkins.secure(
                    j,
                    new MockAuthorizationStrategy()
                            .grant(Permission.fromId("hudson.model.Hudson.Read"), Item.READ, Item.BUILD)
                            .everywhere()
                            .to("bob"));
            createPipeline(j, "shop", DEPLOY + ", shifts: '100'");
            LiveJenkins.runJobAs("shop", "bob");

            // when
            Build build = LiveJenkins.build(j, "shop");

            // then
            assertThat(build.result()).isEqualTo(FAILURE);
            assertThat(build.console()).contains("lacks the Genesis/Deploy permission");
            assertThat(target.stable().version()).isEqualTo("1.0.0");
        });
    }

    private static void startBuild(JenkinsRule j) {
        CLICommandInvoker.Result started = new CLICommandInvoker(j, "build").invokeWithArgs("shop");
        assertThat(started.returnCode()).as(started.stderr()).isZero();
    }

    /** The console of build 1 once it contains {@code text}; waits for the controller, never for a window. */
    private static String awaitConsole(JenkinsRule j, String text) throws Exception {
        return LiveJenkins.eventually(
                () -> build1(j, "consoleText"), console -> console.contains(text), "console shows '" + text + "'");
    }

    /** Build 1's result once it has finished. */
    private static String awaitResult(JenkinsRule j) throws Exception {
        Pattern result = Pattern.compile("\"result\":\"([A-Z_]+)\"");
        String json = LiveJenkins.eventually(
                () -> build1(j, "api/json?tree=building,result"),
                text -> text.contains("\"building\":false")
                        && result.matcher(text).find(),
                "build 1 ends");
        Matcher found = result.matcher(json);
        assertThat(found.find()).isTrue();
        return found.group(1);
    }

    private static String build1(JenkinsRule j, String path) throws Exception {
        return get(j, "job/shop/1/" + path);
    }
}
