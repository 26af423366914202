package io.genesis.core.watch;

import io.genesis.core.monitor.AnalysisRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine knows about one watch, stored after every sample and before every action,
 * so a restarted engine carries on where the last one stopped. Once ended it is the watch's record:
 * every incident, the worst values, and the verdict.
 *
 * @param id the watch's id
 * @param revision how many times it was stored
 * @param request what is watched, and how
 * @param owner the engine instance running it
 * @param leaseExpiresAt when the owner's claim lapses without a heartbeat
 * @param startedAt when the watch began
 * @param endsAt when the window ends
 * @param stage where it is
 * @param sampling the samples so far
 * @param incidents every incident, oldest first
 * @param rollbackReason why it is rolling back, once a critical incident made it
 * @param outcome how it ended, once it has
 */
public record WatchState(
        WatchId id,
        long revision,
        WatchRequest request,
        String owner,
        Instant leaseExpiresAt,
        Instant startedAt,
        Instant endsAt,
        WatchStage stage,
        Sampling sampling,
        List<Incident> incidents,
        String rollbackReason,
        Outcome outcome) {

    public WatchState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(sampling, "sampling");
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
    }

    /**
     * The samples of a watch so far.
     *
     * @param lastSampleAt the end of the last sample (the watch's start before the first)
     * @param nextSampleAt when the next sample is due
     * @param run every sample so far, summarised: counts, worst values, notable samples
     * @param healthyInARow how many of the latest samples in a row were OK
     * @param inconclusiveInARow how many of the latest samples in a row had no usable data
     */
    public record Sampling(
            Instant lastSampleAt, Instant nextSampleAt, AnalysisRun run, int healthyInARow, int inconclusiveInARow) {

        public Sampling {
            Objects.requireNonNull(lastSampleAt, "lastSampleAt");
            Objects.requireNonNull(nextSampleAt, "nextSampleAt");
            run = run == null ? AnalysisRun.empty() : run;
        }
    }

    /**
     * How a watch ended.
     *
     * @param verdict the verdict
     * @param reason why, with the measured values, or who stopped it and why
     * @param endedAt when
     */
    public record Outcome(WatchVerdict verdict, String reason, Instant endedAt) {
        public Outcome {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(endedAt, "endedAt");
        }
    }

    /** A watch starting now, its first sample one interval later. */
    static WatchState started(WatchId id, WatchRequest request, String owner, Instant now, Instant lease) {
        Instant ends = now.plus(request.window());
        Instant first = now.plus(request.thresholds().sampleInterval());
        Sampling sampling = new Sampling(now, first.isBefore(ends) ? first : ends, AnalysisRun.empty(), 0, 0);
        return new WatchState(
                id, 0, request, owner, lease, now, ends, WatchStage.WATCHING, sampling, List.of(), null, null);
    }

    /** The incident still open, if any. */
    public Optional<Incident> openIncident() {
        return incidents.isEmpty() || !incidents.get(incidents.size() - 1).ongoing()
                ? Optional.empty()
                : Optional.of(incidents.get(incidents.size() - 1));
    }

    public boolean ended() {
        return stage == WatchStage.ENDED;
    }

    WatchState claimed(long nextRevision, String newOwner, Instant lease) {
        return new WatchState(
                id,
                nextRevision,
                request,
                newOwner,
                lease,
                startedAt,
                endsAt,
                stage,
                sampling,
                incidents,
                rollbackReason,
                outcome);
    }

    WatchState sampled(Sampling next) {
        return with(stage, next, incidents, rollbackReason, outcome);
    }

    /** This state with its open incident replaced by {@code incident}, or {@code incident} added. */
    WatchState withIncident(Incident incident) {
        List<Incident> copy = new ArrayList<>(incidents);
        if (!copy.isEmpty() && copy.get(copy.size() - 1).number() == incident.number()) {
            copy.set(copy.size() - 1, incident);
        } else {
            copy.add(incident);
        }
        return with(stage, sampling, copy, rollbackReason, outcome);
    }

    WatchState rollingBack(String why) {
        return with(WatchStage.ROLLING_BACK, sampling, incidents, why, null);
    }

    WatchState ended(WatchVerdict verdict, String why, Instant at) {
        return with(WatchStage.ENDED, sampling, incidents, rollbackReason, new Outcome(verdict, why, at));
    }

    private WatchState with(
            WatchStage newStage, Sampling newSampling, List<Incident> newIncidents, String why, Outcome end) {
        return new WatchState(
                id,
                revision,
                request,
                owner,
                leaseExpiresAt,
                startedAt,
                endsAt,
                newStage,
                newSampling,
                newIncidents,
                why,
                end);
    }
}
