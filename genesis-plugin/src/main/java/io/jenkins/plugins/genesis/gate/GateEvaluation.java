package io.jenkins.plugins.genesis.gate;

import io.genesis.core.gate.Gate;
import io.genesis.core.gate.GateRequest;
import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.Readings;
import io.genesis.core.gate.ReportCollector;
import io.genesis.core.gate.TestReading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates one gate where the reports are: on the agent that holds the workspace. Plain Java,
 * so it is tested without Jenkins; {@link GateCallable} only carries it to the agent.
 */
final class GateEvaluation {

    private GateEvaluation() {}

    /**
     * The verdict for {@code input}, reports read under {@code workspace}, as the JSON of its
     * {@link io.genesis.core.gate.GateSummary}.
     *
     * @throws IllegalArgumentException when the input is not usable (see {@link GateTranslation})
     */
    static String evaluate(GateInput input, Path workspace) {
        GateRequest request = GateTranslation.toRequest(input, workspace);
        GateVerdict verdict = input.junit == null
                ? Gate.evaluate(request)
                : Gate.judge(request, withRecordedTests(ReportCollector.collect(request), input.junit));
        return verdict.summary().toJson();
    }

    /**
     * The coverage read from the workspace, with the tests the JUnit plugin recorded instead of
     * test reports. No test report file was read, so the file count is 0 and a note says where
     * the tests came from.
     */
    static Readings withRecordedTests(Readings coverage, JUnitTotals junit) {
        List<String> notes = new ArrayList<>();
        notes.add(junit.note());
        notes.addAll(coverage.notes());
        TestReading tests = new TestReading(junit.counts(), List.of(), 0, Optional.empty());
        return new Readings(0, coverage.coverageFiles(), tests, coverage.coverage(), coverage.problems(), notes);
    }
}
