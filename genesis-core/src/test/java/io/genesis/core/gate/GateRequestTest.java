package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GateRequestTest {

    private static GateRequest.Builder builder() {
        return GateRequest.builder(Environments.defaults().named("staging"), Path.of("ws"));
    }

    @Test
    void shouldCollectEverythingAsked() {
        GateRequest request = builder()
                .testReports("a/*.xml, b/*.xml", "c/*.xml")
                .coverageReports("**/jacoco.xml")
                .minPassRate(Percentage.of("minPassRate", 99))
                .minCoverage(CoverageMetric.BRANCH, Percentage.of("minCoverage", 70))
                .baselineCoverage(CoverageMetric.LINE, Percentage.of("baseline", 86.5))
                .maxCoverageDrop(1)
                .require(TestSelector.of("critical", "*Critical*"))
                .unstableMargin(0.5)
                .force("hotfix for incident 42")
                .limits(new ReadLimits(10, 10, 10))
                .build();

        assertThat(request.testReports())
                .extracting(ReportGlob::pattern)
                .containsExactly("a/*.xml", "b/*.xml", "c/*.xml");
        assertThat(request.coverageReports()).hasSize(1);
        assertThat(request.forced()).isTrue();
        assertThat(request.forceReason()).contains("hotfix for incident 42");
        assertThat(request.limits()).isEqualTo(new ReadLimits(10, 10, 10));
        assertThat(request.unstableMargin()).isEqualTo(0.5);
        assertThat(builder().build().forced()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void shouldRefuseForceWithoutAReason(String reason) {
        assertThatThrownBy(() -> builder().force(reason))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("force needs a reason");
        assertThatThrownBy(() -> builder().force(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseTheSameSelectorNameTwice() {
        GateRequest.Builder builder =
                builder().require(TestSelector.of("smoke", "*Smoke*")).require(TestSelector.of("smoke", "*Other*"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("selector 'smoke' is given twice");
    }

    @ParameterizedTest
    @CsvSource({"-0.1, false", "0, true", "100, true", "100.1, false", "NaN, false"})
    void shouldTakePointsBetweenZeroAndHundred(double points, boolean valid) {
        if (valid) {
            assertThat(builder()
                            .unstableMargin(points)
                            .maxCoverageDrop(points)
                            .build()
                            .unstableMargin())
                    .isEqualTo(points);
        } else {
            assertThatThrownBy(() -> builder().unstableMargin(points))
                    .hasMessageContaining("unstableMargin must be between 0 and 100 percentage points");
            assertThatThrownBy(() -> builder().maxCoverageDrop(points))
                    .hasMessageContaining("maxCoverageDrop must be between 0 and 100 percentage points");
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 1, maxFileBytes", "1, 0, 1, maxTokenBytes", "1, 1, 0, maxDepth"})
    void shouldRefuseLimitsThatAreNotPositive(long file, long token, int depth, String field) {
        assertThatThrownBy(() -> new ReadLimits(file, token, depth)).hasMessageContaining(field + " must be positive");
    }
}
