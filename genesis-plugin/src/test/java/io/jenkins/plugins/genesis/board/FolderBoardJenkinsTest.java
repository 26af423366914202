package io.jenkins.plugins.genesis.board;

import static io.jenkins.plugins.genesis.LiveJenkins.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.target.DeploymentKey;
import io.jenkins.plugins.genesis.LiveJenkins;
import io.jenkins.plugins.genesis.deploy.TestSandboxes;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The folder board in a real Jenkins: two Pipeline jobs in one folder deploy shop to staging, one after
 * the other, and the folder's board shows one row, the newer build's, on its page and in its
 * {@code api/json}. The folder is made by the CLI's {@code create-job} with the folder plugin's XML, so
 * this test compiles without naming its classes. Run by the real build only.
 */
@WithJenkins
class FolderBoardJenkinsTest {

    private static final String DEPLOY = "genesisDeploy application: 'shop', environment: 'staging', version: '%s',"
            + " commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', ref: 'main', shifts: '100', target: testSandbox()";

    @Test
    void shouldShowOneRowPerApplicationAndEnvironmentAcrossTheFoldersJobs(JenkinsRule j) throws Exception {
        try (AutoCloseable sandbox = TestSandboxes.running(DeploymentKey.of("shop", "staging"), "1.0.0")) {
            // given
            LiveJenkins.createFolder(j, "shop");
            LiveJenkins.Build main = LiveJenkins.run(j, "shop/main", String.format(DEPLOY, "2.0.0"));
            LiveJenkins.Build feature = LiveJenkins.run(j, "shop/feature", String.format(DEPLOY, "2.1.0"));
            assertThat(main.result()).as(main.console()).isEqualTo(LiveJenkins.SUCCESS);
            assertThat(feature.result()).as(feature.console()).isEqualTo(LiveJenkins.SUCCESS);

            // when
            String page = get(j, "job/shop/" + FolderBoardAction.URL_NAME + "/");
            String json = get(j, "job/shop/" + FolderBoardAction.URL_NAME + "/api/json?depth=1");

            // then
            assertThat(page).contains("id=\"genesis-folder-board\"", "2.1.0").doesNotContain(">2.0.0<");
            assertThat(json)
                    .contains("\"folderName\":\"shop\"", "\"version\":\"2.1.0\"", "\"build\":\"shop/feature#1\"")
                    .contains("\"buildUrl\":\"job/shop/job/feature/1/\"")
                    .doesNotContain("\"version\":\"2.0.0\"");
        }
    }
}
