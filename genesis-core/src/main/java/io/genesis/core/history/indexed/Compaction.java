package io.genesis.core.history.indexed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordLines;
import io.genesis.core.history.RecordRetention;
import io.genesis.core.secret.PrivateFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the records without those {@link RecordRetention} lets go and without lines that an id's later
 * line replaced, then rebuilds the indexes from the new records, so the index stays true. Unreadable
 * lines leave the records but are kept in {@code unreadable.jsonl} for people. The new records replace
 * the old in one atomic rename; a crash before it leaves the old records, after it a marker makes the
 * next session rebuild the indexes.
 */
public final class Compaction {

    private Compaction() {}

    /**
     * What a compaction did.
     *
     * @param kept how many records stay
     * @param dropped how many records retention dropped
     * @param unreadable how many unreadable lines moved to {@code unreadable.jsonl}
     */
    public record Result(int kept, int dropped, int unreadable) {}

    static Result run(StoreSession session, StoreFiles files, RecordRetention retention, Instant now)
            throws IOException {
        Map<String, byte[]> latest = new LinkedHashMap<>();
        Map<String, DeploymentRecord> records = new HashMap<>();
        ByteArrayOutputStream unreadable = new ByteArrayOutputStream();
        int[] bad = {0};
        long[] lines = {0};
        DataLines.scan(session.data(), 0, 0, ReadMeter.NONE, (bytes, start, length, at, number, terminated) -> {
            lines[0]++;
            byte[] line = Arrays.copyOfRange(bytes, start, start + length);
            try {
                DeploymentRecord record = RecordLines.read(bytes, start, length);
                latest.remove(record.id());
                latest.put(record.id(), line);
                records.put(record.id(), record);
            } catch (JsonProcessingException e) {
                if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
                    unreadable.write(line);
                    unreadable.write('\n');
                    bad[0]++;
                }
            }
        });
        List<String> keep = kept(new ArrayList<>(latest.keySet()), records, retention, now);
        int dropped = latest.size() - keep.size();
        if (dropped == 0 && lines[0] == latest.size()) {
            return new Result(keep.size(), 0, 0);
        }
        Files.deleteIfExists(files.compacting());
        try (FileChannel out = PrivateFiles.createNew(files.compacting())) {
            for (String id : keep) {
                byte[] line = latest.get(id);
                write(
                        out,
                        ByteBuffer.allocate(line.length + 1)
                                .put(line)
                                .put((byte) '\n')
                                .flip());
            }
            out.force(false);
        }
        if (bad[0] > 0) {
            PrivateFiles.refuseLink(files.unreadable());
            Files.write(
                    files.unreadable(), unreadable.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        PrivateFiles.refuseLink(files.rebuilding());
        Files.writeString(files.rebuilding(), "compacted; rebuilding the index\n", StandardCharsets.UTF_8);
        Files.move(files.compacting(), files.data(), StandardCopyOption.ATOMIC_MOVE);
        session.reopen();
        session.rebuild();
        return new Result(keep.size(), dropped, bad[0]);
    }

    /** The ids to keep, in their order. */
    private static List<String> kept(
            List<String> order, Map<String, DeploymentRecord> records, RecordRetention retention, Instant now) {
        List<DeploymentRecord> oldestFirst = new ArrayList<>();
        order.forEach(id -> oldestFirst.add(records.get(id)));
        Set<String> keep = retention.kept(oldestFirst, now);
        return order.stream().filter(keep::contains).toList();
    }

    private static void write(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
