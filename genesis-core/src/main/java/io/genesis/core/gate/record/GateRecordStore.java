package io.genesis.core.gate.record;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Where gate records are kept: a state directory for the command line, the controller's for Jenkins. */
public interface GateRecordStore {

    /** Keeps {@code record}, replacing the one of the same commit and environment. */
    void save(GateRecord record);

    /** Every record of {@code commit} (full or abbreviated), newest first. */
    List<GateRecord> forCommit(String commit);

    /** The record of {@code commit} against {@code environment}'s bar, if the gate ran. */
    default Optional<GateRecord> find(String commit, String environment) {
        return forCommit(commit).stream()
                .filter(record -> record.environment().equals(environment))
                .findFirst();
    }

    /** Files or entries that could not be read, each with why. */
    List<String> problems();

    /** Newest first, the order every lookup answers in. */
    Comparator<GateRecord> NEWEST_FIRST =
            Comparator.comparing(GateRecord::recordedAt).reversed().thenComparing(GateRecord::id);
}
