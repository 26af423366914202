package io.jenkins.plugins.genesis.approval;

import static io.jenkins.plugins.genesis.LiveJenkins.get;
import static io.jenkins.plugins.genesis.approval.ApprovalScenario.answer;
import static io.jenkins.plugins.genesis.approval.ApprovalScenario.awaitApproval;
import static io.jenkins.plugins.genesis.approval.ApprovalScenario.awaitResult;
import static io.jenkins.plugins.genesis.approval.ApprovalScenario.awaitWaiting;
import static io.jenkins.plugins.genesis.approval.ApprovalScenario.startAsBob;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Approving a {@code genesisDeploy} to production through the build's {@code genesis-approval}
 * page, by POST with a crumb as real users of a secured Jenkins: the engine decides from who Jenkins
 * says is logged in. Run by the real build only.
 */
@WithJenkins
class ApprovalJenkinsTest {

    private AutoCloseable target;

    @BeforeEach
    void startADeployThatWaits(JenkinsRule j) throws Exception {
        target = ApprovalScenario.target();
        ApprovalScenario.setUp(j);
        startAsBob(j);
        awaitWaiting(j);
    }

    @AfterEach
    void stopTheTarget() throws Exception {
        target.close();
    }

    @Test
    void shouldLetAGroupMemberApproveAndShowWhoApprovedOnTheBuildPage(JenkinsRule j) throws Exception {
        // when
        HttpResponse<String> response = answer(j, "carol", "approve", "checked the dashboards");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String approval = awaitApproval(j, json -> json.contains("\"state\":\"APPROVED\""));
        assertThat(approval).contains("\"answeredBy\":\"carol\"", "\"comment\":\"checked the dashboards\"");
        assertThat(awaitResult(j)).isEqualTo("SUCCESS");
        assertThat(get(j, "job/deploy/1/")).contains("APPROVED by carol", "checked the dashboards");
    }

    @Test
    void shouldRefuseAnOutsiderAndKeepWaiting(JenkinsRule j) throws Exception {
        // when
        HttpResponse<String> response = answer(j, "mallory", "approve", "");

        // then
        assertThat(response.body())
                .contains("Genesis refused the answer of mallory")
                .contains("users alice; groups release-managers");
        assertThat(awaitWaiting(j)).doesNotContain("mallory");
    }

    @Test
    void shouldRefuseSelfApprovalByTheUserWhoStartedTheBuild(JenkinsRule j) throws Exception {
        // when: bob started the build
        HttpResponse<String> response = answer(j, "bob", "approve", "");

        // then
        assertThat(response.body()).contains("Genesis refused the answer of bob");
        assertThat(awaitWaiting(j)).doesNotContain("\"answeredBy\":\"bob\"");
    }

    @Test
    void shouldNotLetAnAdministratorThroughWhereApproversAreNamed(JenkinsRule j) throws Exception {
        // when
        HttpResponse<String> response = answer(j, "root", "approve", "");

        // then
        assertThat(response.body()).contains("root may not answer this request");
        awaitWaiting(j);
    }

    @Test
    void shouldShowTheFormButNeverApproveByGet(JenkinsRule j) throws Exception {
        // when: a link (GET) to the approve address, and the page itself
        HttpResponse<String> byGet = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(j.getURL() + ApprovalScenario.APPROVAL + "approve"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String page = get(j, ApprovalScenario.APPROVAL);

        // then
        assertThat(byGet.statusCode()).isEqualTo(405);
        assertThat(page).contains("Deploy 1.4.0 of shop to production", "action=\"approve\"", "action=\"reject\"");
        assertThat(awaitWaiting(j)).doesNotContain("\"answeredBy\":\"");
    }

    @Test
    void shouldRefuseAnAnonymousAnswer(JenkinsRule j) throws Exception {
        // when: anonymous may read the build, but an answer must be held to someone
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(j.getURL() + ApprovalScenario.APPROVAL + "approve"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        // then: refused, by the crumb check or by Genesis, and still waiting
        assertThat(response.statusCode()).isNotEqualTo(302);
        awaitWaiting(j);
    }
}
