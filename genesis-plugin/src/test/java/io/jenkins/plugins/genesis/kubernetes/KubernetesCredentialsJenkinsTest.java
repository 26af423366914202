package io.jenkins.plugins.genesis.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.cli.CLICommandInvoker;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.jenkins.plugins.genesis.LiveJenkins;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A Pipeline deploys to Kubernetes with a secret text credential (a bearer token) against the fabric8
 * CRUD mock behind https on 127.0.0.1: the token reaches the API server and never the build's log.
 * The deploy step is named in the script only. Run by the real plugin build (docs/building.md).
 */
@WithJenkins
class KubernetesCredentialsJenkinsTest {

    private static final String TOKEN = "jenkins-kube-token-0123456789";

    @TempDir
    Path dir;

    private KubernetesMockServer server;
    private TlsFront front;

    @BeforeEach
    void setUp() throws Exception {
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        front = TlsFront.start(server.getPort(), dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        front.close();
        server.destroy();
    }

    private static void addToken(JenkinsRule j, String id) {
        String xml = "<org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>"
                + "<scope>GLOBAL</scope><id>" + id + "</id><description>cluster token</description>"
                + "<secret>" + TOKEN + "</secret></org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>";
        CLICommandInvoker.Result created = new CLICommandInvoker(j, "create-credentials-by-xml")
                .withStdin(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .invokeWithArgs("system::system::jenkins", "_");
        assertThat(created.returnCode()).as(created.stderr()).isZero();
    }

    private String deploy(String credentialsId) {
        return "timeout(time: 60, unit: 'SECONDS') {\n"
                + "  genesisDeploy application: 'shop', environment: 'staging', strategy: 'rolling',"
                + " image: 'reg/shop:1.4.0', target: kubernetes(credentialsId: '" + credentialsId + "',"
                + " serverUrl: 'https://127.0.0.1:" + front.port() + "', namespace: 'shop', caCertificate: '''"
                + front.caPem() + "''')\n}\n";
    }

    @Test
    void shouldSendTheTokenToTheClusterAndNeverToTheLog(JenkinsRule j) throws Exception {
        // given
        addToken(j, "kube-token");

        // when
        LiveJenkins.Build build = LiveJenkins.run(j, "deploy", deploy("kube-token"));

        // then
        assertThat(build.console()).contains("genesisDeploy").doesNotContain(TOKEN);
        RecordedRequest first = server.takeRequest(30, TimeUnit.SECONDS);
        assertThat(first).as(build.console()).isNotNull();
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void shouldNameAMissingCredentialAndTheFix(JenkinsRule j) throws Exception {
        // given
        addToken(j, "kube-token");

        // when
        LiveJenkins.Build build = LiveJenkins.run(j, "typo", deploy("kube-tokn"));

        // then
        assertThat(build.result()).isEqualTo(LiveJenkins.FAILURE);
        assertThat(build.console())
                .contains("no credential 'kube-tokn' is visible to build typo#1")
                .doesNotContain(TOKEN);
        assertThat(server.getRequestCount()).isZero();
    }
}
