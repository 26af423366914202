package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.gate.CoverageTotals;
import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import io.genesis.core.gate.Gate;
import io.genesis.core.gate.GateRequest;
import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.Readings;
import io.genesis.core.gate.TestCounts;
import io.genesis.core.gate.TestReading;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.Percentage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodeTest {

    @ParameterizedTest
    @CsvSource({"SUCCEEDED, 0", "ROLLED_BACK, 1", "FAILED, 1", "ABORTED, 3"})
    void shouldSayHowARolloutEnded(RecordStatus status, int code) {
        assertThat(ExitCode.of(status).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
        // criticality of a missed pass rate, exit code
        "NOTE, 0",
        "UNSTABLE, 3",
        "FAILURE, 1",
        "ERROR, 1"
    })
    void shouldExitByTheGatesConsequence(Criticality criticality, int code) {
        Environment staging = Environments.defaults().named("staging");
        Environment lenient = staging.withGate(new GateThresholds(
                new Percentage(95), Map.of(), Optional.empty(), false, Map.of(CriterionKind.PASS_RATE, criticality)));
        GateRequest request =
                GateRequest.builder(lenient, Path.of("ws")).testReports("*.xml").build();
        Readings readings = new Readings(
                1,
                0,
                new TestReading(TestCounts.of(50, 50, 0, 0, 0), List.of(), 0, Optional.empty()),
                new CoverageTotals(Map.of()),
                List.of(),
                List.of());

        GateVerdict verdict = Gate.judge(request, readings);

        assertThat(verdict.consequence()).contains(criticality);
        assertThat(ExitCode.of(verdict).code()).isEqualTo(code);
    }
}
