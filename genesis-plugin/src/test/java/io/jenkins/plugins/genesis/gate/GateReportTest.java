package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateReportTest {

    @TempDir
    Path workspace;

    private GateReport evaluate(GenesisGateStep step, int passed, int failed, int covered) throws IOException {
        GateFixtures.writeTests(workspace, "reports/TEST-ShopTest.xml", "com.example.ShopTest", passed, failed);
        GateFixtures.writeCoverage(workspace, covered, 100 - covered);
        return GateReport.fromJson(GateEvaluation.evaluate(GateFixtures.input(step), workspace));
    }

    @Test
    void shouldPrintAHeadlineAndOneLinePerCriterion() throws IOException {
        // when
        GateReport report = evaluate(GateFixtures.step(), 96, 4, 84);

        // then
        assertThat(report.consoleLines())
                .containsExactly(
                        "genesis gate for staging: FAILED",
                        "  passed    read 1 test report and 1 coverage report",
                        "  passed    pass rate 96.00 % >= 95.00 % required for staging (96 passed, 4 failed, 0 errors, 0 skipped)",
                        "  failed    line coverage 84.00 % < 85.00 % required for staging (84 of 100 lines covered)",
                        "  note      security findings not checked: staging allows at most 0 secrets, but no findings"
                                + " reports were given");
    }

    @Test
    void shouldPrintTheOverrideAndItsReason() throws IOException {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setForce(true);
        step.setReason("INC-1234: hotfix");

        // when
        GateReport report = evaluate(step, 50, 50, 90);

        // then
        assertThat(report.outcome()).isEqualTo(GateOutcome.OVERRIDDEN);
        assertThat(report.consoleLines()).first().isEqualTo("genesis gate for staging: OVERRIDDEN");
        assertThat(report.consoleLines()).last().isEqualTo("  override  gate FAILED but overridden: INC-1234: hotfix");
    }

    @Test
    void shouldReturnTheVerdictToThePipelineAsPlainValues() throws IOException {
        // when
        Map<String, Object> value = evaluate(GateFixtures.step(), 96, 4, 90).toPipelineValue();

        // then
        assertThat(value)
                .containsEntry("verdict", "PASSED")
                .containsEntry("environment", "staging")
                .containsEntry("passRate", 96.0)
                .containsEntry("overrideReason", null)
                .containsEntry("consequence", null);
        assertThat(value.get("tests"))
                .isEqualTo(
                        Map.of("total", 100L, "passed", 96L, "failed", 4L, "errors", 0L, "skipped", 0L, "flaky", 0L));
        assertThat(value.get("coverage")).isEqualTo(Map.of("line", 90.0));
        assertThat((List<?>) value.get("criteria"))
                .hasSize(3)
                .first()
                .isEqualTo(Map.of(
                        "name",
                        "reports",
                        "status",
                        "PASSED",
                        "criticality",
                        "ERROR",
                        "message",
                        "read 1 test report and 1 coverage report"));
        assertPlain(value);
    }

    /** Pipeline keeps the value in its program state: only JDK maps, lists, strings, numbers and booleans. */
    private static void assertPlain(Object value) {
        if (value instanceof Map<?, ?> map) {
            assertThat(map.getClass().getName()).startsWith("java.util.");
            map.forEach((key, entry) -> {
                assertThat(key).isInstanceOf(String.class);
                assertPlain(entry);
            });
        } else if (value instanceof List<?> list) {
            assertThat(list.getClass().getName()).startsWith("java.util.");
            list.forEach(GateReportTest::assertPlain);
        } else if (value != null) {
            assertThat(value).isInstanceOfAny(String.class, Long.class, Double.class, Boolean.class);
        }
    }

    @Test
    void shouldRefuseTextThatIsNoGateSummary() {
        assertThatThrownBy(() -> GateReport.fromJson("{not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a gate summary");
    }
}
