package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.genesis.approval.ApprovalAction;
import io.jenkins.plugins.genesis.approval.ApprovalFixtures;
import io.jenkins.plugins.genesis.gate.GateBuildActionFixture;
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
}
