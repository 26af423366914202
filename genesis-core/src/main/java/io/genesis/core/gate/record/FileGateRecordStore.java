package io.genesis.core.gate.record;

import io.genesis.core.rollout.store.JsonFileStore;
import io.genesis.core.target.Version;
import java.nio.file.Path;
import java.util.List;

/**
 * Gate records as one private JSON file per commit and environment ({@code <commit>.<environment>.json})
 * in a directory, written atomically like the other stores of a state directory.
 */
public final class FileGateRecordStore implements GateRecordStore {

    private final JsonFileStore<String, GateRecord> files;

    public FileGateRecordStore(Path directory) {
        this(directory, true);
    }

    /** @param force whether writes are forced to disk; only simulations may turn it off */
    public FileGateRecordStore(Path directory, boolean force) {
        this.files = new JsonFileStore<>(
                directory,
                force,
                "gate record",
                GateRecord.class,
                GateRecord::id,
                ", so the gate verdict it held is not seen: a deploy that asks for it as promotion evidence or as"
                        + " its benchmark baseline does not find it. Fix: move the file out of " + directory
                        + ", then run 'genesis gate' for that commit again to record its verdict");
    }

    /**
     * Every readable record, whatever its commit; files that cannot be read are then among {@link
     * #problems()}.
     */
    public List<GateRecord> all() {
        return files.list();
    }

    @Override
    public void save(GateRecord record) {
        files.save(record);
    }

    @Override
    public List<GateRecord> forCommit(String commit) {
        String asked = Version.requireCommit(commit);
        // Listed rather than opened by name, so that a commit written in full matches a record kept
        // abbreviated and the other way round; a record is a few kilobytes, one per gated commit.
        return files.list().stream()
                .filter(record -> record.isOf(asked))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    @Override
    public List<String> problems() {
        return files.problems();
    }
}
