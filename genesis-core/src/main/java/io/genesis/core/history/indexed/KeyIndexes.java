package io.genesis.core.history.indexed;

import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.JobNames;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.target.DeploymentKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a job page's "what runs where" panel asks, answered from indexes rather than from the job's
 * records: which applications and environments a job (or folder) deployed to, from its key index, and
 * what runs in one of them, from the newest entry of the key's index of records that may run. Both read
 * a number of records bounded by the job's keys, however many records the store holds.
 */
final class KeyIndexes {

    private KeyIndexes() {}

    /**
     * Lists the line {@code line} of {@code record} (not yet in its scopes' indexes) in the key index of
     * its job and each folder above it, when it is the first line of its key there, and marks its key
     * unordered when it may run but ended before the newest record of its key that may run. Each step
     * is skipped when an index took the line already, so indexing a line again after a crash is harmless.
     */
    static void beforeIndexing(
            StoreSession session, DeploymentRecord record, IndexFile.Entry line, long end, long number)
            throws IOException {
        for (String job : JobNames.jobAndFolders(JobNames.jobOf(record.build()))) {
            IndexFile ofKey = session.index(Scopes.keyAndJob(record.key(), job), true);
            IndexFile keys = session.index(Scopes.keysOf(job), true);
            // The key's index gets this line only after this, so while it is empty this is the key's first line.
            if (ofKey.header().entries() == 0 && keys.header().dataEnd() <= line.offset()) {
                keys.append(line.offset(), line.length(), line.idHash(), end, number);
            }
        }
        if (!CurrentDeployments.runs(record)) {
            return;
        }
        IndexFile running = session.index(Scopes.running(record.key()), true);
        if (running.header().dataEnd() > line.offset()) {
            return;
        }
        List<DeploymentRecord> newest = session.newest(running, 0, 1);
        if (!newest.isEmpty() && CurrentDeployments.endedLater(newest.get(0), record)) {
            Path marker = unordered(session, record.key());
            PrivateFiles.refuseLink(marker);
            try (FileChannel file = PrivateFiles.openReadWrite(marker)) {
                file.force(true);
            }
        }
    }

    /**
     * The applications and environments of the job or folder {@code job}: the record of each key's first
     * line, less the keys whose records were all rewritten under another key since (their index is empty).
     */
    static SortedSet<DeploymentKey> keys(StoreSession session, String job) throws IOException {
        SortedSet<DeploymentKey> keys = new TreeSet<>();
        IndexFile index = session.index(Scopes.keysOf(job), false);
        if (index == null) {
            return keys;
        }
        for (IndexFile.Entry entry : index.entries(0, index.header().entries())) {
            DeploymentKey key = session.recordAt(entry, index.file()).key();
            IndexFile ofKey = session.index(Scopes.keyAndJob(key, job), false);
            if (ofKey != null && ofKey.header().live() > 0) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * What runs in {@code key}: the newest record of its index of records that may run, which is the one
     * that ended last while they were written in end order; otherwise (marked unordered) all of them,
     * judged by {@link CurrentDeployments}.
     */
    static Optional<DeploymentRecord> running(StoreSession session, DeploymentKey key) throws IOException {
        IndexFile index = session.index(Scopes.running(key), false);
        if (index == null) {
            return Optional.empty();
        }
        if (!Files.exists(unordered(session, key), LinkOption.NOFOLLOW_LINKS)) {
            return session.newest(index, 0, 1).stream().findFirst();
        }
        return CurrentDeployments.from(session.newest(index, 0, Long.MAX_VALUE)).at(key);
    }

    /** The marker of {@code key}'s records that may run having been written out of end order. */
    static Path unordered(StoreSession session, DeploymentKey key) {
        return session.files().indexes().resolve(Scopes.unordered(key));
    }
}
