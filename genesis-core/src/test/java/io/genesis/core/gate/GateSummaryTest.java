package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.policy.Environments;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateSummaryTest {

    private static GateVerdict verdict() {
        GateRequest request = GateRequest.builder(Environments.defaults().named("production"), Path.of("ws"))
                .testReports("*.xml")
                .coverageReports("jacoco.xml")
                .force("release train leaves now")
                .build();
        Readings readings = new Readings(
                4,
                1,
                new TestReading(TestCounts.of(27, 2, 1, 2, 1), List.of(), 0, Optional.empty()),
                new CoverageTotals(Map.of(
                        CoverageMetric.LINE, new CoverageCounter(69, 13),
                        CoverageMetric.BRANCH, new CoverageCounter(0, 0))),
                List.of(),
                List.of("a note"));
        return Gate.judge(request, readings);
    }

    @Test
    void shouldWriteTheAgreedJsonShape() throws Exception {
        JsonNode json = new ObjectMapper().readTree(verdict().summary().toJson());

        assertThat(json.get("verdict").asText()).isEqualTo("OVERRIDDEN");
        assertThat(json.get("decided").asText()).isEqualTo("FAILED");
        assertThat(json.get("environment").asText()).isEqualTo("production");
        assertThat(json.get("tests").toString())
                .isEqualTo("{\"total\":32,\"passed\":27,\"failed\":2,\"errors\":1,\"skipped\":2,\"flaky\":1}");
        assertThat(json.get("passRate").asDouble()).isEqualTo(90.0);
        assertThat(json.get("coverage").get("line").toString())
                .isEqualTo("{\"covered\":69,\"missed\":13,\"percent\":84.14634146341463}");
        assertThat(json.get("coverage").get("branch").get("percent").isNull()).isTrue();
        JsonNode passRate = json.get("criteria").get(1);
        assertThat(passRate.get("name").asText()).isEqualTo("passRate");
        assertThat(passRate.get("passed").asBoolean()).isFalse();
        assertThat(passRate.get("status").asText()).isEqualTo("FAILED");
        assertThat(passRate.get("kind").asText()).isEqualTo("passRate");
        assertThat(passRate.get("criticality").asText()).isEqualTo("ERROR");
        assertThat(passRate.get("measured").asDouble()).isEqualTo(90.0);
        assertThat(passRate.get("threshold").asDouble()).isEqualTo(98.0);
        assertThat(passRate.get("message").asText()).startsWith("pass rate 90.00 % < 98.00 %");
        assertThat(json.get("criteria").get(0).get("threshold").isNull()).isTrue();
        assertThat(json.get("overrideReason").asText()).isEqualTo("release train leaves now");
        assertThat(json.get("reports").toString()).isEqualTo("{\"tests\":4,\"coverage\":1}");
        assertThat(json.get("notes").get(0).asText()).isEqualTo("a note");
        assertThat(json.get("consequence").asText()).isEqualTo("ERROR");
    }

    @Test
    void shouldReadBackWhatItWrote() {
        GateSummary summary = verdict().summary();

        assertThat(GateSummary.fromJson(summary.toJson())).isEqualTo(summary);
    }

    @Test
    void shouldIgnoreFieldsAddedLater() {
        GateSummary summary = GateSummary.fromJson("{\"verdict\":\"PASSED\",\"later\":1}");

        assertThat(summary.verdict()).isEqualTo("PASSED");
        assertThat(summary.criteria()).isEmpty();
        assertThat(summary.coverage()).isEmpty();
        assertThat(summary.notes()).isEmpty();
        assertThat(summary.consequence()).isNull();
    }

    @Test
    void shouldRefuseWhatIsNotASummary() {
        assertThatThrownBy(() -> GateSummary.fromJson("[1,2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a gate summary");
    }
}
