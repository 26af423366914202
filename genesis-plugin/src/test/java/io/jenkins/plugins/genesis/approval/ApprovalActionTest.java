package io.jenkins.plugins.genesis.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.genesis.PersistedClasses;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

class ApprovalActionTest {

    @Test
    void shouldShowTheRequestWithALinkWhileWaiting() {
        // when
        ApprovalAction action = ApprovalFixtures.waitingAction();

        // then
        assertThat(action.getUrlName()).isEqualTo("genesis-approval");
        assertThat(action.getIconFileName()).isNotNull();
        assertThat(action.getState()).isEqualTo("WAITING");
        assertThat(action.getApplication()).isEqualTo("shop");
        assertThat(action.getEnvironment()).isEqualTo("production");
        assertThat(action.getVersion()).isEqualTo("1.4.0");
        assertThat(action.getStrategy()).isEqualTo("blueGreen");
        assertThat(action.getApprovers()).containsExactly("alice");
        assertThat(action.getApproverGroups()).containsExactly("release-managers");
        assertThat(action.isAdministratorsOnly()).isFalse();
        assertThat(action.getInitiator()).isEqualTo("bob");
        assertThat(action.isSelfApprovalPrevented()).isTrue();
        assertThat(action.getNotBeforeText()).isEqualTo(ApprovalFixtures.OPENS.toString());
        assertThat(action.getDeadline() - action.getRequestedAt()).isEqualTo(24 * 3600 * 1000L);
        assertThat(action.getAnsweredAtText()).isEmpty();
    }

    @Test
    void shouldTakeOneAnswerOnly() {
        // given
        ApprovalAction action = ApprovalFixtures.approvedAction();

        // when
        boolean again = action.answered(false, "mallory", "", ApprovalFixtures.OPENS.plusSeconds(120));
        boolean withdrawn = action.withdrawn("superseded", ApprovalFixtures.OPENS.plusSeconds(120));

        // then
        assertThat(again).isFalse();
        assertThat(withdrawn).isFalse();
        assertThat(action.getState()).isEqualTo("APPROVED");
        assertThat(action.getAnsweredBy()).isEqualTo("carol");
        assertThat(action.getComment()).isEqualTo("checked the canary dashboards");
        assertThat(action.getAnsweredAtText())
                .isEqualTo(ApprovalFixtures.OPENS.plusSeconds(60).toString());
        assertThat(action.getIconFileName()).isNull();
        assertThat(action.getUrlName()).isEqualTo("genesis-approval");
    }

    @Test
    void shouldKeepTheAcceptedAnswerOverAWithdrawalThatRacedWithIt() {
        // given: the rejection ended the rollout and the host closed its requests before the answer was recorded
        ApprovalAction action = ApprovalFixtures.waitingAction();
        action.withdrawn("the rollout ended: ABORTED", ApprovalFixtures.OPENS.plusSeconds(61));

        // when
        boolean recorded = action.answered(false, "alice", "not today", ApprovalFixtures.OPENS.plusSeconds(60));

        // then
        assertThat(recorded).isTrue();
        assertThat(action.getState()).isEqualTo("REJECTED");
        assertThat(action.getAnsweredBy()).isEqualTo("alice");
        assertThat(action.getWithdrawnReason()).isNull();
    }

    @Test
    void shouldAnswerOnlyByPost() {
        // when
        List<Method> webMethods = Arrays.stream(ApprovalAction.class.getMethods())
                .filter(m -> m.getName().startsWith("do"))
                .toList();

        // then
        assertThat(webMethods).extracting(Method::getName).containsExactlyInAnyOrder("doApprove", "doReject");
        assertThat(webMethods)
                .allSatisfy(m -> assertThat(m.isAnnotationPresent(RequirePOST.class))
                        .as("%s has @RequirePOST", m)
                        .isTrue());
    }

    @Test
    void shouldPersistOnlyPlainValues() {
        assertThat(PersistedClasses.problemsOf(ApprovalAction.class)).isEmpty();
    }

    @Test
    void shouldSurviveJavaSerialization() throws Exception {
        // given
        ApprovalAction action = ApprovalFixtures.approvedAction();

        // when
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(action);
        }
        ApprovalAction read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (ApprovalAction) in.readObject();
        }

        // then
        assertThat(read).usingRecursiveComparison().isEqualTo(action);
        assertThat(read.getAnsweredBy()).isEqualTo("carol");
    }

    @Test
    void shouldExportWhatTheBuildPageShows() {
        // given
        List<String> exported = Arrays.stream(ApprovalAction.class.getMethods())
                .filter(m -> m.isAnnotationPresent(Exported.class) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .toList();

        // then
        assertThat(ApprovalAction.class.isAnnotationPresent(ExportedBean.class)).isTrue();
        assertThat(exported)
                .contains("getQuestion", "getState", "getAnsweredBy", "getAnsweredAt", "getComment", "getDeadline");
    }
}
