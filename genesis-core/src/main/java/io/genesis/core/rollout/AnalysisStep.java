package io.genesis.core.rollout;

import io.genesis.core.history.AnalysisRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisDecision;
import io.genesis.core.monitor.AnalysisRun;
import io.genesis.core.monitor.Analyzer;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.monitor.SampleVerdict;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analysis step: samples the metric source once per interval over the window, judges each
 * sample, and passes, rolls back, or acts on an inconclusive analysis as the request says. Every
 * sample taken is stored, so a restart neither repeats nor loses one.
 */
final class AnalysisStep {

    private final Transitions engine;
    private final RolloutState state;
    private final MetricSource source;

    AnalysisStep(Transitions engine, RolloutState state, MetricSource source) {
        this.engine = engine;
        this.state = state;
        this.source = source;
    }

    /** Takes every sample that is due, judges the run so far, and stops at a verdict or the next sample. */
    Next run() {
        Analyzer analyzer = new Analyzer(state.request().analysis(), source.metrics());
        RolloutState current = state;
        RolloutState.StepProgress progress = current.progress();
        Instant now = engine.now();
        while (!now.isBefore(progress.nextSampleAt())) {
            Instant to = min(now, progress.deadline());
            MetricWindow window = new MetricWindow(progress.lastSampleAt(), to);
            SampleVerdict verdict = analyzer.sample(source, window);
            AnalysisRun run = progress.analysis().plus(verdict, to);
            AnalysisDecision decision = analyzer.judge(run, verdict);
            switch (decision.kind()) {
                case ROLL_BACK -> {
                    return engine.trigger(
                            recorded(current, run, to, "rolled back", decision.reason()),
                            RecordStatus.ROLLED_BACK,
                            decision.reason(),
                            "failed");
                }
                case INCONCLUSIVE -> {
                    return inconclusive(
                            recorded(current, run, to, "inconclusive", decision.reason()), decision.reason());
                }
                case CONTINUE -> {
                    if (!to.isBefore(progress.deadline())) {
                        String summary = summary(run);
                        return engine.complete(recorded(current, run, to, "passed", summary), summary);
                    }
                    progress = progress.sampled(
                            to, min(to.plus(state.request().analysis().sampleInterval()), progress.deadline()), run);
                    current = engine.save(current.edit().progress(progress));
                }
            }
        }
        return new Next.Wait(current, progress.nextSampleAt());
    }

    private Next inconclusive(RolloutState current, String reason) {
        return switch (current.request().analysis().onInconclusive()) {
            case PAUSE -> engine.halt(current, reason);
            case FAIL -> engine.trigger(current, RecordStatus.FAILED, reason, "inconclusive");
            case ROLL_BACK -> engine.trigger(current, RecordStatus.ROLLED_BACK, reason, "inconclusive");
        };
    }

    /** The state with this analysis window's record added to its journal (not yet stored). */
    private RolloutState recorded(RolloutState current, AnalysisRun run, Instant to, String outcome, String reason) {
        Map<String, Double> worst = new TreeMap<>();
        run.worst().forEach((metric, value) -> worst.put(metric.name(), value));
        AnalysisRecord record = new AnalysisRecord(
                current.step() + 1,
                current.progress().enteredAt(),
                to,
                run.samples(),
                run.ok(),
                run.warnings(),
                run.inconclusive(),
                run.critical(),
                worst,
                outcome,
                reason,
                run.notable());
        return current.edit().journal(current.journal().analysis(record)).build();
    }

    private static String summary(AnalysisRun run) {
        return run.samples() + " sample(s): " + run.ok() + " ok, " + run.warnings() + " warning(s); worst: "
                + run.describeWorst();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
