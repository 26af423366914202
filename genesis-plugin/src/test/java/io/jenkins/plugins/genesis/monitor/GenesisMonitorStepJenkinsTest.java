package io.jenkins.plugins.genesis.monitor;

import static io.jenkins.plugins.genesis.LiveJenkins.FAILURE;
import static io.jenkins.plugins.genesis.LiveJenkins.SUCCESS;
import static io.jenkins.plugins.genesis.LiveJenkins.action;
import static io.jenkins.plugins.genesis.LiveJenkins.createPipeline;
import static io.jenkins.plugins.genesis.LiveJenkins.get;
import static io.jenkins.plugins.genesis.LiveJenkins.postAs;
import static io.jenkins.plugins.genesis.LiveJenkins.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import hudson.cli.CLICommandInvoker;
import hudson.model.Item;
import hudson.security.Permission;
import io.genesis.core.target.DeploymentKey;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.target.SandboxTarget;
import io.jenkins.plugins.genesis.GenesisPermissions;
import io.jenkins.plugins.genesis.LiveJenkins;
import io.jenkins.plugins.genesis.LiveJenkins.Build;
import io.jenkins.plugins.genesis.deploy.SandboxOpener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * {@code genesisMonitor} in real Pipelines: a version deployed to a sandbox in the controller's JVM
 * ({@code target: testSandbox()}) and watched by probing a real HTTP server on 127.0.0.1 whose answer
 * the test switches from healthy to failing. Run by the real plugin build only (docs/building.md);
 * the engine side runs here in {@code MonitorHostTest}. Waits are for the controller's threads and
 * the probe's one-second samples, never for a watch window.
 */
class GenesisMonitorStepJenkinsTest {

    private static final DeploymentKey SHOP = DeploymentKey.of("shop", "staging");
    private static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final String DEPLOY = "genesisDeploy application: 'shop', environment: 'staging', version: '2.0.0',"
            + " commit: '" + COMMIT + "', ref: 'main', target: testSandbox(), shifts: '100'\n";

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private Sandbox sandbox;
    private HttpServer health;
    /** What the probed address answers: 200 while the version is healthy, 500 once it fails. */
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults().withLauncher(InProcessSlotLauncher.healthy()));
        SandboxTarget target = SandboxTarget.start(SHOP, sandbox, "1.0.0");
        SandboxOpener.sandboxes().unregister(SHOP);
        SandboxOpener.sandboxes().register(target);
        health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        health.createContext("/health", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        health.start();
    }

    @AfterEach
    void stop() {
        SandboxOpener.sandboxes().unregister(SHOP);
        if (health != null) {
            health.stop(0);
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String monitor(String options) {
        return "def w = genesisMonitor application: 'shop', environment: 'staging', watch: '1h',"
                + " sampleInterval: '1s', probeUrl: 'http://127.0.0.1:"
                + health.getAddress().getPort() + "/health'"
                + options + "\necho \"stage=${w.stage} verdict=${w.verdict}\"";
    }

    @Test
    void shouldRegisterTheWatchAndReturnAtOnce() throws Throwable {
        sessions.then(j -> {
            // when: no node {}, no wait: the build ends while the watch goes on
            Build build = run(j, "shop", DEPLOY + monitor(""));

            // then
            assertThat(build.result()).as(build.console()).isEqualTo(SUCCESS);
            assertThat(build.console()).contains("stage=WATCHING verdict=", "goes on in the controller's background");
            assertThat(action(get(j, "job/shop/1/api/json?depth=2"), WatchAction.class.getName()))
                    .contains("\"application\":\"shop\"", "\"version\":\"2.0.0\"", "\"stage\":\"WATCHING\"");
        });
    }

    @Test
    void shouldFailTheStageWhenTheWatchRollsTheVersionBack() throws Throwable {
        sessions.then(j -> {
            // given: the version fails as soon as it is watched
            status.set(500);

            // when
            Build build = run(j, "shop", DEPLOY + monitor(", wait: true"));

            // then: the stage failed with the verdict, the deployment's record says ROLLED_BACK
            assertThat(build.result()).as(build.console()).isEqualTo(FAILURE);
            assertThat(build.console()).contains("post-deploy watch", "ROLLED_BACK");
            String json = get(j, "job/shop/1/api/json?depth=2");
            assertThat(action(json, WatchAction.class.getName())).contains("\"verdict\":\"ROLLED_BACK\"");
            assertThat(json).contains("\"status\":\"ROLLED_BACK\"");
        });
    }

    @Test
    void shouldWaitAgainAfterARestartAndFailOnTheRollback() throws Throwable {
        sessions.then(j -> {
            // given: a step waiting for the verdict of a healthy version
            createPipeline(j, "shop", DEPLOY + monitor(", wait: true"));
            CLICommandInvoker.Result started = new CLICommandInvoker(j, "build").invokeWithArgs("shop");
            assertThat(started.returnCode()).as(started.stderr()).isZero();
            LiveJenkins.eventually(
                    () -> get(j, "job/shop/1/consoleText"),
                    console -> console.contains("sample 2"),
                    "the watch sampled twice");
        });
        sessions.then(j -> {
            // when: Jenkins has restarted, and the version fails
            status.set(500);
            String json = LiveJenkins.eventually(
                    () -> get(j, "job/shop/1/api/json?tree=building,result"),
                    text -> text.contains("\"building\":false"),
                    "build 1 ends");

            // then
            assertThat(json).contains("\"result\":\"FAILURE\"");
            assertThat(get(j, "job/shop/1/consoleText")).contains("ROLLED_BACK");
        });
    }

    @Test
    void shouldRefuseABuildWithoutTheDeployPermission() throws Throwable {
        sessions.then(j -> {
            // given: the job's builds run as bob, who may read and build but not deploy
            LiveJenkins.secure(
                    j,
                    new MockAuthorizationStrategy()
                            .grant(Permission.fromId("hudson.model.Hudson.Read"), Item.READ, Item.BUILD)
                            .everywhere()
                            .to("bob"));
            createPipeline(j, "shop", monitor(""));
            LiveJenkins.runJobAs("shop", "bob");

            // when
            Build build = LiveJenkins.build(j, "shop");

            // then
            assertThat(build.result()).isEqualTo(FAILURE);
            assertThat(build.console()).contains("lacks the Genesis/Deploy permission");
        });
    }

    @Test
    void shouldStopTheWatchFromItsBuildPageWithThePermissionAndAReason() throws Throwable {
        sessions.then(j -> {
            // given: a watch going on after its build ended; reader may only read, alice may roll back
            Build build = run(j, "shop", DEPLOY + monitor(""));
            assertThat(build.result()).as(build.console()).isEqualTo(SUCCESS);
            Matcher id = Pattern.compile("\"watchId\":\"([a-z0-9-]+)\"")
                    .matcher(action(get(j, "job/shop/1/api/json?depth=2"), WatchAction.class.getName()));
            assertThat(id.find()).isTrue();
            LiveJenkins.secure(
                    j,
                    new MockAuthorizationStrategy()
                            .grant(Permission.fromId("hudson.model.Hudson.Read"), Item.READ)
                            .everywhere()
                            .to("reader", "alice")
                            .grant(GenesisPermissions.ROLLBACK)
                            .everywhere()
                            .to("alice"));
            String stop = "job/shop/1/genesis-watch-" + id.group(1) + "/stop?reason=known%20noisy%20dependency";

            // when
            int refused = postAs(j, "reader", stop).statusCode();
            String withoutReason = postAs(j, "alice", "job/shop/1/genesis-watch-" + id.group(1) + "/stop")
                    .body();
            int stopped = postAs(j, "alice", stop).statusCode();

            // then
            assertThat(refused).isEqualTo(403);
            assertThat(withoutReason).contains("say why in the reason field");
            assertThat(stopped).isIn(200, 302);
            String watch = LiveJenkins.eventually(
                    () -> action(get(j, "job/shop/1/api/json?depth=2"), WatchAction.class.getName()),
                    json -> json.contains("\"verdict\":\"STOPPED\""),
                    "the build page shows the watch stopped");
            assertThat(watch).contains("stopped by alice: known noisy dependency");
        });
    }

    /** The Snippet Generator writes the step as the docs show it, and reads that back into an equal step. */
    @Test
    void shouldRoundTripTheStepThroughTheSnippetGenerator() throws Throwable {
        sessions.then(j -> {
            GenesisMonitorStep step = new GenesisMonitorStep("shop", "production");
            step.setWatch("72h");
            step.setFor("30m");
            step.setProbeUrl("http://127.0.0.1:8080/health");
            new SnippetizerTester(j)
                    .assertRoundTrip(
                            step,
                            "genesisMonitor application: 'shop', environment: 'production', for: '30m',"
                                    + " probeUrl: 'http://127.0.0.1:8080/health', watch: '72h'");
        });
    }
}
