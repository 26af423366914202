package io.jenkins.plugins.genesis.board;

import static io.jenkins.plugins.genesis.LiveJenkins.get;
import static io.jenkins.plugins.genesis.LiveJenkins.postAs;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.security.Permission;
import io.genesis.core.target.DeploymentKey;
import io.jenkins.plugins.genesis.LiveJenkins;
import io.jenkins.plugins.genesis.deploy.TestSandboxes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The job page in a real Jenkins: the factory adds the action to every job, the panel and the page
 * render through Stapler, {@code api/json} gives the same rows, and each button is a POST checked
 * against the job's permissions for the user Jenkins says is logged in. Builds deploy shop to staging
 * on the test sandbox (see {@code GenesisDeployStepJenkinsTest}). Run by the real build only.
 */
@WithJenkins
class JobDeploymentsJenkinsTest {

    private static final String PAGE = "job/shop/" + JobDeploymentsAction.URL_NAME + "/";
    private static final String DEPLOY = "genesisDeploy application: 'shop', environment: 'staging', version: '2.0.0',"
            + " commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', ref: 'main', shifts: '100', target: testSandbox()";
    private static final Pattern ROLLOUT = Pattern.compile("\"rolloutId\":\"(j-[0-9a-f]+)\"");

    private AutoCloseable sandbox;

    @BeforeEach
    void deployOnce(JenkinsRule j) throws Exception {
        sandbox = TestSandboxes.running(DeploymentKey.of("shop", "staging"), "1.0.0");
        LiveJenkins.Build build = LiveJenkins.run(j, "shop", DEPLOY);
        assertThat(build.result()).as(build.console()).isEqualTo(LiveJenkins.SUCCESS);
        LiveJenkins.secure(
                j,
                new MockAuthorizationStrategy()
                        .grant(Permission.fromId("hudson.model.Hudson.Read"), Item.READ)
                        .everywhere()
                        .to("anonymous", "alice", "bob")
                        .grant(Permission.fromId("io.jenkins.plugins.genesis.GenesisPermissions.Rollback"))
                        .everywhere()
                        .to("alice")
                        .grant(Permission.fromId("hudson.model.Hudson.Administer"))
                        .everywhere()
                        .to("root"));
    }

    @AfterEach
    void stopTheSandbox() throws Exception {
        sandbox.close();
    }

    @Test
    void shouldShowWhatRunsWhereOnTheJobPageAndTheSameInApiJson(JenkinsRule j) throws Exception {
        // when
        String jobPage = get(j, "job/shop/");
        String page = get(j, PAGE);
        String json = get(j, PAGE + "api/json?depth=1");

        // then
        assertThat(jobPage)
                .contains(
                        "id=\"genesis-job-panel\"",
                        "2.0.0",
                        "href=\"" + j.getURL().getPath() + "job/shop/1/\"");
        assertThat(page).contains("id=\"genesis-what-runs-where\"", "id=\"genesis-history\"", "action=\"rollback\"");
        assertThat(json)
                .contains("\"jobName\":\"shop\"", "\"application\":\"shop\"", "\"environment\":\"staging\"")
                .contains("\"version\":\"2.0.0\"", "\"status\":\"SUCCEEDED\"", "\"buildUrl\":\"job/shop/1/\"")
                .contains("\"fromThisJob\":true", "\"total\":1");
    }

    @Test
    void shouldRollBackOnlyByPostAndOnlyWithTheRollbackPermission(JenkinsRule j) throws Exception {
        // given
        String rollout = rolloutId(get(j, PAGE + "api/json?depth=1"));

        // when
        HttpResponse<String> byGet = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(j.getURL() + PAGE + "rollback?rolloutId=" + rollout))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> byBob = postAs(j, "bob", PAGE + "rollback?rolloutId=" + rollout);
        HttpResponse<String> byAlice = postAs(j, "alice", PAGE + "rollback?rolloutId=" + rollout + "&reason=bad+data");

        // then
        assertThat(byGet.statusCode()).isEqualTo(405);
        assertThat(byBob.statusCode()).isEqualTo(403);
        assertThat(byAlice.statusCode()).as(byAlice.body()).isEqualTo(302);
        String json = LiveJenkins.eventually(
                () -> get(j, PAGE + "api/json?depth=1"),
                text -> text.contains("\"status\":\"ROLLED_BACK\""),
                "the history shows the rollback");
        assertThat(json).contains("\"reason\":\"bad data\"");
    }

    @Test
    void shouldReleaseALockOnlyWithTheForcePermissionAndOnlyAStuckOne(JenkinsRule j) throws Exception {
        // when
        HttpResponse<String> byAlice = postAs(j, "alice", PAGE + "releaseLock?application=shop&environment=staging");
        HttpResponse<String> byRoot = postAs(j, "root", PAGE + "releaseLock?application=shop&environment=staging");
        HttpResponse<String> elsewhere = postAs(j, "root", PAGE + "releaseLock?application=cart&environment=staging");

        // then
        assertThat(byAlice.statusCode()).isEqualTo(403);
        assertThat(byRoot.body()).contains("nothing holds the lock of shop in staging; there is nothing to release");
        assertThat(elsewhere.body()).contains("no build of shop deploys cart to staging");
    }

    @Test
    void shouldRefuseToAbortOrPromoteARolloutThatHasEnded(JenkinsRule j) throws Exception {
        // given
        String rollout = rolloutId(get(j, PAGE + "api/json?depth=1"));

        // when
        HttpResponse<String> abort = postAs(j, "alice", PAGE + "abort?rolloutId=" + rollout);
        HttpResponse<String> promote = postAs(j, "alice", PAGE + "promote?rolloutId=" + rollout);

        // then
        assertThat(abort.body()).contains("rollout " + rollout + " is not in progress");
        assertThat(promote.body()).contains("rollout " + rollout + " is not in progress");
    }

    private static String rolloutId(String json) {
        Matcher found = ROLLOUT.matcher(json);
        assertThat(found.find()).as(json).isTrue();
        return found.group(1);
    }
}
