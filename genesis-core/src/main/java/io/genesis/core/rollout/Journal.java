package io.genesis.core.rollout;

import io.genesis.core.history.AnalysisRecord;
import io.genesis.core.history.ApprovalRecord;
import io.genesis.core.history.HookRecord;
import io.genesis.core.history.PhaseRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened so far in one rollout, in the form its record takes.
 *
 * @param phases each step entered, with timestamps
 * @param approvals each accepted decision
 * @param analyses each analysis judged
 * @param notes other facts for the record
 * @param hooks each lifecycle hook started, with how it ended
 */
public record Journal(
        List<PhaseRecord> phases,
        List<ApprovalRecord> approvals,
        List<AnalysisRecord> analyses,
        List<String> notes,
        List<HookRecord> hooks) {

    static final Journal EMPTY = new Journal(List.of(), List.of(), List.of(), List.of(), List.of());

    public Journal {
        phases = phases == null ? List.of() : List.copyOf(phases);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        analyses = analyses == null ? List.of() : List.copyOf(analyses);
        notes = notes == null ? List.of() : List.copyOf(notes);
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    Journal startPhase(PhaseRecord phase) {
        List<PhaseRecord> copy = new ArrayList<>(phases);
        copy.add(phase);
        return new Journal(copy, approvals, analyses, notes, hooks);
    }

    /**
     * Ends the latest phase if it is still open; a phase already ended, or scheduled for later,
     * stays as it was.
     */
    Journal endPhase(Instant at, String outcome, String detail) {
        if (phases.isEmpty()) {
            return this;
        }
        PhaseRecord last = phases.get(phases.size() - 1);
        if (last.endedAt() != null || "scheduled".equals(last.outcome())) {
            return this;
        }
        List<PhaseRecord> copy = new ArrayList<>(phases);
        copy.set(copy.size() - 1, copy.get(copy.size() - 1).end(at, outcome, detail));
        return new Journal(copy, approvals, analyses, notes, hooks);
    }

    /** Marks the latest phase as scheduled for later: it stays open until it runs. */
    Journal schedulePhase(String detail) {
        List<PhaseRecord> copy = new ArrayList<>(phases);
        PhaseRecord last = copy.get(copy.size() - 1);
        copy.set(
                copy.size() - 1,
                new PhaseRecord(
                        last.step(), last.kind(), last.description(), last.startedAt(), null, "scheduled", detail));
        return new Journal(copy, approvals, analyses, notes, hooks);
    }

    /** Replaces the latest phase that is {@code scheduled} (the deferred scale-down) with its end. */
    Journal endScheduled(Instant at, String outcome, String detail) {
        List<PhaseRecord> copy = new ArrayList<>(phases);
        for (int i = copy.size() - 1; i >= 0; i--) {
            if ("scheduled".equals(copy.get(i).outcome())) {
                copy.set(i, copy.get(i).end(at, outcome, detail));
                break;
            }
        }
        return new Journal(copy, approvals, analyses, notes, hooks);
    }

    Journal approval(ApprovalRecord record) {
        List<ApprovalRecord> copy = new ArrayList<>(approvals);
        copy.add(record);
        return new Journal(phases, copy, analyses, notes, hooks);
    }

    Journal analysis(AnalysisRecord record) {
        List<AnalysisRecord> copy = new ArrayList<>(analyses);
        copy.add(record);
        return new Journal(phases, approvals, copy, notes, hooks);
    }

    Journal note(String note) {
        List<String> copy = new ArrayList<>(notes);
        copy.add(note);
        return new Journal(phases, approvals, analyses, copy, hooks);
    }

    /** Adds a hook just started, or replaces the last record of the same hook with how it ended. */
    Journal hook(HookRecord record) {
        List<HookRecord> copy = new ArrayList<>(hooks);
        int last = copy.size() - 1;
        if (last >= 0
                && !copy.get(last).ended()
                && copy.get(last).phase().equals(record.phase())
                && copy.get(last).startedAt().equals(record.startedAt())) {
            copy.set(last, record);
        } else {
            copy.add(record);
        }
        return new Journal(phases, approvals, analyses, notes, copy);
    }

    /** The last hook of {@code phase} that has not ended, if any. */
    java.util.Optional<HookRecord> running(String phase) {
        if (hooks.isEmpty()) {
            return java.util.Optional.empty();
        }
        HookRecord last = hooks.get(hooks.size() - 1);
        return !last.ended() && last.phase().equals(phase) ? java.util.Optional.of(last) : java.util.Optional.empty();
    }
}
