package io.genesis.core.history.indexed;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each record id's live line sits in the index of every record, by id hash, so that an append
 * finds the line it replaces without scanning. Kept per store directory for the life of the process
 * and brought up to date from the index at the start of every session (other processes append too);
 * a new build of the index (a rebuild, a compaction) starts it afresh. Entries another process marked
 * replaced stay listed here: the session reads an entry before trusting it.
 */
final class IdCache {

    private final Map<Long, long[]> entries = new HashMap<>();
    private long generation;
    private long seen;

    /** Reads what {@code all} gained since the last session, or all of it after a rebuild. */
    void refresh(IndexFile all) throws IOException {
        if (all.header().generation() != generation || all.header().entries() < seen) {
            reset(all.header().generation());
        }
        long total = all.header().entries();
        for (long from = seen; from < total; from += 4096) {
            for (IndexFile.Entry entry : all.entries(from, Math.min(total, from + 4096))) {
                if (entry.live()) {
                    add(entry.idHash(), entry.number());
                }
            }
        }
        seen = total;
    }

    void reset(long newGeneration) {
        entries.clear();
        generation = newGeneration;
        seen = 0;
    }

    /** The entries that may hold a record with this id hash (a copy). */
    long[] candidates(long hash) {
        long[] found = entries.get(hash);
        return found == null ? new long[0] : found.clone();
    }

    void add(long hash, long entry) {
        long[] found = entries.get(hash);
        if (found == null) {
            entries.put(hash, new long[] {entry});
        } else if (Arrays.stream(found).noneMatch(e -> e == entry)) {
            long[] more = Arrays.copyOf(found, found.length + 1);
            more[found.length] = entry;
            entries.put(hash, more);
        }
    }

    void remove(long hash, long entry) {
        long[] found = entries.get(hash);
        if (found == null) {
            return;
        }
        long[] rest = Arrays.stream(found).filter(e -> e != entry).toArray();
        if (rest.length == 0) {
            entries.remove(hash);
        } else {
            entries.put(hash, rest);
        }
    }

    /** The index of every record has {@code count} entries, all of them known here. */
    void seen(long count) {
        seen = count;
    }
}
