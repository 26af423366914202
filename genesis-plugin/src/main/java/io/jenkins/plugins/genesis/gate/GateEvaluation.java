package io.jenkins.plugins.genesis.gate;

import io.genesis.core.gate.Gate;
import io.genesis.core.gate.GateRequest;
import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.ReportCollector;
import java.nio.file.Path;

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
                : Gate.judge(
                        request,
                        ReportCollector.collect(request).withRecordedTests(input.junit.counts(), input.junit.note()));
        return verdict.summary().toJson();
    }
}
