package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.genesis.approval.ApprovalAction;
import io.jenkins.plugins.genesis.approval.ApprovalFixtures;
import io.jenkins.plugins.genesis.deploy.DeploymentActionFixture;
import io.jenkins.plugins.genesis.deploy.RolloutAborted;
import io.jenkins.plugins.genesis.gate.GateBuildActionFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What Jenkins writes with XStream for the plugin, written and read back by the XStream version
 * Jenkins bundles, with only the plugin's own classes allowed (as Jenkins' class filter would for
 * a plugin jar). The global configuration's round trip runs in a real Jenkins
 * ({@code GenesisConfigurationJenkinsTest}), its class cannot be built without one.
 */
class XStreamRoundTripTest {

    private static XStream xstream() {
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.genesis.**"});
        return xstream;
    }

    @Test
    void shouldReadBackAForcedGatesBuildActionAsItWasShown() throws Exception {
        // given
        Object action = GateBuildActionFixture.forced("alice");

        // when
        String xml = xstream().toXML(action);
        Object read = xstream().fromXML(xml);

        // then: the stored form is the summary's JSON and who forced it, nothing else
        assertThat(xml).contains("<summaryJson>", "<forcedBy>alice</forcedBy>").doesNotContain("<report>");
        assertThat(GateBuildActionFixture.shown(read)).isEqualTo(GateBuildActionFixture.shown(action));
        assertThat(GateBuildActionFixture.shown(read)).contains("OVERRIDDEN", "alice", "coverage.line");
    }

    @Test
    void shouldReadBackAnAnsweredApprovalWithWhoWhenAndWhy() {
        // given
        ApprovalAction action = ApprovalFixtures.approvedAction();

        // when
        String xml = xstream().toXML(action);
        ApprovalAction read = (ApprovalAction) xstream().fromXML(xml);

        // then: plain values only, the transient build and engine connection left out
        assertThat(xml)
                .contains(
                        "<answeredBy>carol</answeredBy>",
                        "<state>APPROVED</state>",
                        "<string>release-managers</string>")
                .doesNotContain("<run", "<desk", "io.genesis.core");
        assertThat(read).usingRecursiveComparison().isEqualTo(action);
        assertThat(read.getComment()).isEqualTo("checked the canary dashboards");
        assertThat(read.getAnsweredAt())
                .isEqualTo(ApprovalFixtures.OPENS.plusSeconds(60).toEpochMilli());
        assertThat(ApprovalFixtures.isConnected(read)).isFalse();
    }

    @Test
    void shouldReadBackAWaitingApprovalStillWaiting() {
        // when
        ApprovalAction read = (ApprovalAction) xstream().fromXML(xstream().toXML(ApprovalFixtures.waitingAction()));

        // then
        assertThat(read.isWaiting()).isTrue();
        assertThat(read.getApprovers()).containsExactly("alice");
        assertThat(read.getWhoMayAnswer()).isEqualTo("users alice; groups release-managers");
    }

    @Test
    void shouldReadBackADeploymentActionAsItWasShown() {
        // given
        Object action = DeploymentActionFixture.action(DeploymentActionFixture.rolledBackCanary());

        // when
        String xml = xstream().toXML(action);
        Object read = xstream().fromXML(xml);

        // then: plain copies of the record, no engine type
        assertThat(xml)
                .contains("<status>ROLLED_BACK</status>", "<by>alice</by>")
                .doesNotContain("io.genesis.core");
        assertThat(DeploymentActionFixture.shown(read)).isEqualTo(DeploymentActionFixture.shown(action));
        assertThat(DeploymentActionFixture.shown(read)).contains("ERROR_RATE 31.00", "1 s", "set weight 20.00 %");
    }

    @Test
    void shouldReadBackTheCauseOfAnAbortedRolloutThroughJavaSerialization() throws Exception {
        // given: what Pipeline keeps with the build when a rollout is aborted (a rejected approval)
        Object cause = DeploymentActionFixture.aborted("rejected by alice: not today");

        // when
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(cause);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }

        // then
        assertThat(((RolloutAborted) read).getShortDescription()).isEqualTo("rejected by alice: not today");
        assertThat(((RolloutAborted) xstream().fromXML(xstream().toXML(cause))).getShortDescription())
                .isEqualTo("rejected by alice: not today");
    }
}
