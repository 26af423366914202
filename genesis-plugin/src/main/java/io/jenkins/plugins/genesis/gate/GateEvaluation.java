package io.jenkins.plugins.genesis.gate;

import io.genesis.core.gate.Gate;
import io.genesis.core.gate.GateRequest;
import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.ReportCollector;
import io.genesis.core.gate.record.GateRecord;
import io.genesis.core.gate.record.GateRecordJson;
import java.nio.file.Path;
import java.time.Instant;

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
        return judge(input, workspace)[0];
    }

    /**
     * The verdict's summary JSON and, when the input names a commit, the gate record to keep for it
     * (its JSON; else {@code null}): strings only, so that nothing but JDK types crosses the channel.
     */
    static String[] judge(GateInput input, Path workspace) {
        GateVerdict verdict = verdict(input, workspace);
        String record = input.commit == null
                ? null
                : GateRecordJson.write(GateRecord.of(verdict, input.commit, null, null, Instant.now()));
        return new String[] {verdict.summary().toJson(), record};
    }

    private static GateVerdict verdict(GateInput input, Path workspace) {
        GateRequest request = GateTranslation.toRequest(input, workspace);
        GateVerdict verdict = input.junit == null
                ? Gate.evaluate(request)
                : Gate.judge(
                        request,
                        ReportCollector.collect(request).withRecordedTests(input.junit.counts(), input.junit.note()));
        return verdict;
    }
}
