package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.genesis.PersistedClasses;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

class GateBuildActionTest {

    @TempDir
    Path workspace;

    private GateBuildAction action(GenesisGateStep step) throws IOException {
        GateFixtures.writeTests(workspace, "reports/TEST-ShopTest.xml", "com.example.ShopTest", 90, 10);
        GateFixtures.writeCoverage(workspace, 90, 10);
        return new GateBuildAction(
                GateEvaluation.evaluate(GateFixtures.input(step), workspace), step.isForce() ? "alice" : null);
    }

    @Test
    void shouldShowTheVerdictAndEveryCriterion() throws IOException {
        // when
        GateBuildAction action = action(GateFixtures.step());

        // then
        assertThat(action.getVerdict()).isEqualTo("FAILED");
        assertThat(action.getDecided()).isEqualTo("FAILED");
        assertThat(action.getEnvironment()).isEqualTo("staging");
        assertThat(action.getPassRate()).isEqualTo(90.0);
        assertThat(action.getTotalTests()).isEqualTo(100);
        assertThat(action.getCriteria())
                .extracting(CriterionRow::getName, CriterionRow::getLabel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reports", "passed"),
                        org.assertj.core.groups.Tuple.tuple("passRate", "failed"),
                        org.assertj.core.groups.Tuple.tuple("coverage.line", "passed"));
        assertThat(action.getCriteria().get(1).getMeasured()).isEqualTo(90.0);
        assertThat(action.getCriteria().get(1).getThreshold()).isEqualTo(95.0);
        assertThat(action.getOverrideReason()).isNull();
        assertThat(action.isOverridden()).isFalse();
        assertThat(action.getForcedBy()).isNull();
    }

    @Test
    void shouldShowTheReasonOfAForcedGate() throws IOException {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setForce(true);
        step.setReason("INC-1234: hotfix");

        // when
        GateBuildAction action = action(step);

        // then
        assertThat(action.getVerdict()).isEqualTo("OVERRIDDEN");
        assertThat(action.getDecided()).isEqualTo("FAILED");
        assertThat(action.getOverrideReason()).isEqualTo("INC-1234: hotfix");
        assertThat(action.isOverridden()).isTrue();
        assertThat(action.getForcedBy()).isEqualTo("alice");
    }

    @Test
    void shouldKeepOnlyTheSummaryJsonWithTheBuild() throws IOException {
        // given
        GateBuildAction action = action(GateFixtures.step());

        // then: XStream writes the one string field; the parsed rows are rebuilt when shown
        assertThat(Arrays.stream(GateBuildAction.class.getDeclaredFields())
                        .filter(f -> !Modifier.isTransient(f.getModifiers()) && !Modifier.isStatic(f.getModifiers()))
                        .map(f -> f.getName() + ":" + f.getType().getSimpleName()))
                .containsExactly("summaryJson:String", "forcedBy:String");
        assertThat(new GateBuildAction(action.getSummaryJson(), null).getVerdict())
                .isEqualTo("FAILED");
        assertThat(PersistedClasses.problemsOf(GateBuildAction.class)).isEmpty();
    }

    @Test
    void shouldAppearOnTheBuildPageOnlyAsASummary() throws IOException {
        // when
        GateBuildAction action = action(GateFixtures.step());

        // then: no side-panel link, no page of its own
        assertThat(action.getIconFileName()).isNull();
        assertThat(action.getUrlName()).isNull();
        assertThat(action.getDisplayName()).isEqualTo("Genesis gate");
    }

    @Test
    void shouldServeTheVerdictThroughTheRemoteApi() {
        // given
        List<String> exported = Arrays.stream(GateBuildAction.class.getMethods())
                .filter(m -> m.isAnnotationPresent(Exported.class))
                .map(Method::getName)
                .toList();

        // then
        assertThat(GateBuildAction.class.isAnnotationPresent(ExportedBean.class))
                .isTrue();
        assertThat(CriterionRow.class.isAnnotationPresent(ExportedBean.class)).isTrue();
        assertThat(exported)
                .contains(
                        "getVerdict",
                        "getEnvironment",
                        "getPassRate",
                        "getCriteria",
                        "getOverrideReason",
                        "getForcedBy");
        assertThat(hudson.model.BuildBadgeAction.class).isAssignableFrom(GateBuildAction.class);
    }
}
