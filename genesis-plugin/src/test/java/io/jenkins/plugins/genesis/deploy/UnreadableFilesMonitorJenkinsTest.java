package io.jenkins.plugins.genesis.deploy;

import static io.jenkins.plugins.genesis.LiveJenkins.SUCCESS;
import static io.jenkins.plugins.genesis.LiveJenkins.get;
import static io.jenkins.plugins.genesis.LiveJenkins.run;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.target.DeploymentKey;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.target.SandboxTarget;
import io.jenkins.plugins.genesis.LiveJenkins.Build;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A damaged lease in {@code JENKINS_HOME/genesis} in a real Jenkins: the administrators' page lists it with
 * what to do, and a {@code genesisDeploy} that meets it says so in its log. Run by the real plugin build only
 * (docs/building.md); the reporting model runs here in {@code UnreadableFilesReportTest}.
 */
class UnreadableFilesMonitorJenkinsTest {

    private static final DeploymentKey SHOP = DeploymentKey.of("shop", "staging");
    private static final String DEPLOY = "genesisDeploy application: 'shop', environment: 'staging', version: '2.0.0',"
            + " commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', ref: 'main', target: testSandbox(), shifts: '100'";

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private Sandbox sandbox;

    @AfterEach
    void stopSandbox() {
        SandboxOpener.SANDBOXES.unregister(SHOP);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void shouldListADamagedLeaseForAdministratorsAndInTheLogOfADeployThatMeetsIt() throws Throwable {
        sandbox = Sandbox.start(SandboxConfig.defaults().withLauncher(InProcessSlotLauncher.healthy()));
        SandboxOpener.SANDBOXES.register(SandboxTarget.start(SHOP, sandbox, "1.0.0"));
        sessions.then(j -> {
            // given
            Path lease = PrivateFiles.directory(DeployEngine.directory().resolve("locks"))
                    .resolve("billing.staging.lease");
            Files.writeString(lease, "{\"holder\":\"r-1a2b3c4d5e6-abcdef\",\"own");
            UnreadableFilesMonitor monitor = ExtensionList.lookupSingleton(UnreadableFilesMonitor.class);

            // when
            Build build = run(j, "shop", DEPLOY);
            String manage = get(j, "manage/");

            // then
            assertThat(monitor.isActivated()).isTrue();
            assertThat(manage).contains(lease + " is not a readable lease", "then remove the file");
            assertThat(build.result()).as(build.console()).isEqualTo(SUCCESS);
            assertThat(build.console()).contains("genesisDeploy: warning: " + lease + " is not a readable lease");

            // and once the file is removed, the message goes
            Files.delete(lease);
            assertThat(monitor.isActivated()).isFalse();
        });
    }
}
