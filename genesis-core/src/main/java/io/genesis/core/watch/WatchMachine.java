package io.genesis.core.watch;

import io.genesis.core.monitor.AnalysisDecision;
import io.genesis.core.monitor.AnalysisRun;
import io.genesis.core.monitor.Analyzer;
import io.genesis.core.monitor.Classification;
import io.genesis.core.monitor.InconclusiveAction;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.monitor.SampleVerdict;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One watch's state machine, run as far as it goes now: takes the samples that are due, opens,
 * escalates and resolves incidents, hands a critical incident to the rollback, and gives the
 * verdict when the window ends. Every sample is stored before the next one is taken.
 */
final class WatchMachine {

    private final WatchRecorder recorder;
    private final MetricSourceFactory metricSources;
    private final WatchRollback rollback;
    private final Duration pollInterval;
    private final Map<WatchId, MetricSource> sources = new ConcurrentHashMap<>();

    WatchMachine(WatchRecorder recorder, MetricSourceFactory metricSources, WatchRollback rollback, Duration poll) {
        this.recorder = recorder;
        this.metricSources = metricSources;
        this.rollback = rollback;
        this.pollInterval = poll;
    }

    /** Carries the watch on; returns it as stored and, unless it ended, when to wake it next. */
    Step advance(WatchState start) {
        WatchState state = start;
        while (state.stage() == WatchStage.WATCHING
                && !recorder.now().isBefore(state.sampling().nextSampleAt())) {
            state = sample(state);
        }
        if (state.stage() == WatchStage.ROLLING_BACK) {
            return rollBack(state);
        }
        if (state.ended()) {
            sources.remove(state.id());
            return new Step(state, Optional.empty());
        }
        return new Step(state, Optional.of(state.sampling().nextSampleAt()));
    }

    /** Forgets what was opened for {@code id}. */
    void forget(WatchId id) {
        sources.remove(id);
    }

    private WatchState sample(WatchState state) {
        WatchState.Sampling sampling = state.sampling();
        Instant to = min(recorder.now(), state.endsAt());
        MetricWindow window = new MetricWindow(sampling.lastSampleAt(), to);
        MetricSource source = sources.computeIfAbsent(
                state.id(), id -> metricSources.open(state.request().metrics()));
        Analyzer analyzer = new Analyzer(state.request().thresholds(), source.metrics());
        SampleVerdict verdict = analyzer.sample(source, window);
        AnalysisRun run = sampling.run().plus(verdict, to);
        Classification c = verdict.classification();
        Instant next = min(to.plus(state.request().thresholds().sampleInterval()), state.endsAt());
        WatchState sampled = state.sampled(new WatchState.Sampling(
                to,
                next,
                run,
                c == Classification.OK ? sampling.healthyInARow() + 1 : 0,
                c == Classification.INCONCLUSIVE ? sampling.inconclusiveInARow() + 1 : 0));
        recorder.emit(sampled, "sample " + run.samples() + " " + lower(c) + ": " + verdict.explainAll());
        WatchState judged = judge(sampled, analyzer.judge(run, verdict), verdict, to);
        if (judged.stage() == WatchStage.WATCHING && !to.isBefore(state.endsAt())) {
            judged = endOfWindow(judged, to);
        }
        return recorder.save(judged);
    }

    private WatchState judge(WatchState state, AnalysisDecision decision, SampleVerdict verdict, Instant at) {
        return switch (decision.kind()) {
            case ROLL_BACK -> critical(state, decision.reason(), at);
            case INCONCLUSIVE ->
                state.request().thresholds().onInconclusive() == InconclusiveAction.PAUSE
                        ? state
                        : critical(state, decision.reason(), at);
            case CONTINUE -> incidents(state, verdict, at);
        };
    }

    /** Warnings and critical samples below the rollback count open or escalate; healthy runs resolve. */
    private WatchState incidents(WatchState state, SampleVerdict verdict, Instant at) {
        Classification c = verdict.classification();
        Optional<Incident> open = state.openIncident();
        if (c == Classification.WARNING || c == Classification.CRITICAL) {
            String why = verdict.explain(c);
            if (open.isEmpty()) {
                Incident opened = Incident.open(state.incidents().size() + 1, c, at, why);
                recorder.emit(
                        state,
                        "incident " + opened.number() + " opened (" + lower(c) + "): " + why,
                        c == Classification.CRITICAL ? WatchMilestone.CRITICAL : WatchMilestone.WARNING,
                        opened);
                return state.withIncident(opened);
            }
            if (c == Classification.CRITICAL && open.get().severity() == Classification.WARNING) {
                Incident escalated = open.get().escalated(at, why);
                recorder.emit(
                        state,
                        "incident " + open.get().number() + " is critical: " + why,
                        WatchMilestone.CRITICAL,
                        escalated);
                return state.withIncident(escalated);
            }
            return state;
        }
        if (c == Classification.OK
                && open.isPresent()
                && state.sampling().healthyInARow() >= state.request().recoverySamples()) {
            String how = "recovered: " + state.sampling().healthyInARow() + " healthy sample(s) in a row ("
                    + verdict.explainAll() + ")";
            Incident resolved = open.get().closed(at, how);
            recorder.emit(
                    state, "incident " + open.get().number() + " resolved, " + how, WatchMilestone.RESOLVED, resolved);
            return state.withIncident(resolved);
        }
        return state;
    }

    /** A critical incident: rolled back where the policy allows and a rollout deployed the version. */
    private WatchState critical(WatchState state, String why, Instant at) {
        Incident incident = state.openIncident()
                .map(open -> open.escalated(at, why))
                .orElseGet(() -> Incident.open(state.incidents().size() + 1, Classification.CRITICAL, at, why));
        WatchState escalated = state.withIncident(incident);
        if (!state.request().rollBack() || state.request().rolloutId().isEmpty()) {
            String cannot = state.request().rollBack()
                    ? "no rollout of this engine deployed it"
                    : "the policy does not allow an automatic rollback";
            recorder.emit(
                    escalated,
                    "critical incident " + incident.number() + ": " + why + "; " + cannot,
                    WatchMilestone.CRITICAL,
                    incident);
            return escalated.ended(WatchVerdict.INCONCLUSIVE, "critical: " + why + "; not rolled back: " + cannot, at);
        }
        recorder.emit(
                escalated,
                "critical incident " + incident.number() + ": " + why + "; rolling back",
                WatchMilestone.CRITICAL,
                incident);
        return escalated.rollingBack(why);
    }

    /** Stored as rolling back before the rollback is asked for, so a restart asks again. */
    private Step rollBack(WatchState state) {
        WatchState current = state;
        try {
            boolean restored = rollback.rollBack(
                    state.request().rolloutId(), "watch " + state.id() + ": " + state.rollbackReason(), "watch");
            if (!restored) {
                return new Step(state, Optional.of(recorder.now().plus(pollInterval)));
            }
            Instant now = recorder.now();
            Incident incident = state.openIncident().map(i -> i.restored(now)).orElse(null);
            current = incident == null ? state : state.withIncident(incident);
            String ttr = incident == null ? "" : "; time to restore " + Durations.format(incident.timeToRestore());
            current = current.ended(WatchVerdict.ROLLED_BACK, state.rollbackReason() + ttr, now);
        } catch (RuntimeException e) {
            current = state.ended(
                    WatchVerdict.INCONCLUSIVE,
                    state.rollbackReason() + "; the rollback could not start: " + WatchRecorder.describe(e),
                    recorder.now());
        }
        WatchState ended = recorder.save(current);
        recorder.emit(
                ended,
                "ended " + ended.outcome().verdict() + ": " + ended.outcome().reason(),
                WatchMilestone.ENDED,
                null);
        sources.remove(state.id());
        return new Step(ended, Optional.empty());
    }

    /** The window is over: healthy only with data to show for it and nothing critical open. */
    private WatchState endOfWindow(WatchState state, Instant at) {
        AnalysisRun run = state.sampling().run();
        WatchState closed = state.openIncident()
                .map(open -> state.withIncident(open.closed(at, "open when the watch ended")))
                .orElse(state);
        WatchState ended;
        if (state.sampling().inconclusiveInARow() > 0 || run.inconclusive() == run.samples()) {
            ended = closed.ended(
                    WatchVerdict.INCONCLUSIVE,
                    "the last " + state.sampling().inconclusiveInARow() + " sample(s) had no usable data; "
                            + run.samples() + " sample(s), worst: " + run.describeWorst(),
                    at);
        } else {
            ended = closed.ended(
                    WatchVerdict.HEALTHY,
                    run.samples() + " sample(s): " + run.ok() + " ok, " + run.warnings() + " warning(s), "
                            + state.incidents().size() + " incident(s); worst: " + run.describeWorst(),
                    at);
        }
        recorder.emit(
                ended,
                "ended " + ended.outcome().verdict() + ": " + ended.outcome().reason(),
                WatchMilestone.ENDED,
                null);
        return ended;
    }

    private static String lower(Classification c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The watch as stored after a tick, and when it wakes next (empty once it ended). */
    record Step(WatchState state, Optional<Instant> wakeAt) {}
}
