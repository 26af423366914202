package io.genesis.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records out of a store and into another as JSON lines, one record a line, oldest first: the form of
 * {@code history.jsonl}, so an export of any store can be read by people, by {@code jq}, or imported
 * into any other store. An import reads and checks the whole file before it appends anything.
 */
public final class RecordTransfer {

    /** How many bad lines an error lists before it only counts the rest. */
    static final int SHOWN_PROBLEMS = 20;

    private RecordTransfer() {}

    /**
     * Writes every record of {@code store} to {@code file}, which must not exist yet.
     *
     * @return how many records were written
     * @throws IOException naming the file when it exists or cannot be written
     */
    public static int export(HistoryStore store, Path file) throws IOException {
        List<DeploymentRecord> newestFirst = store.all(HistoryQuery.newest(1));
        try (FileChannel channel = PrivateFiles.createNew(file);
                OutputStream out = Channels.newOutputStream(channel)) {
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                out.write(RecordLines.line(newestFirst.get(i)));
            }
            channel.force(false);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(
                    file + " exists already; an export never overwrites a file: remove it or name" + " another file");
        }
        return newestFirst.size();
    }

    /**
     * Every record in {@code file}, oldest first, each line checked.
     *
     * @throws IllegalArgumentException naming the file and the number of every line that is not a valid
     *     record, with why and what to do; nothing is read then
     * @throws IOException when the file cannot be read
     */
    public static List<DeploymentRecord> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = PrivateFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + " does not exist: name a file written by genesis history --export");
        }
        List<DeploymentRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        RecordLines.eachLine(bytes, (start, length, number, last) -> {
            try {
                records.add(RecordLines.read(bytes, start, length));
            } catch (JsonProcessingException e) {
                problems.add(file + " line " + number + ": " + ParseProblem.problem(e));
            }
        });
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("cannot import ")
                    .append(file)
                    .append(": ")
                    .append(problems.size())
                    .append(problems.size() == 1 ? " line is" : " lines are")
                    .append(" not a valid deployment record, so nothing was imported:");
            problems.stream()
                    .limit(SHOWN_PROBLEMS)
                    .forEach(p -> message.append("\n  ").append(p));
            if (problems.size() > SHOWN_PROBLEMS) {
                message.append("\n  ... and ")
                        .append(problems.size() - SHOWN_PROBLEMS)
                        .append(" more");
            }
            message.append("\nfix: correct or remove those lines (one record as one JSON object a line, as"
                    + " genesis history --export writes them) and import again");
            throw new IllegalArgumentException(message.toString());
        }
        return records;
    }

    /**
     * Appends every record of {@code file} to {@code store}, oldest first; a record already there is
     * replaced by the file's line, so importing a file twice changes nothing.
     *
     * @return how many records were imported
     */
    public static int importInto(Path file, HistoryStore store) throws IOException {
        List<DeploymentRecord> records = read(file);
        records.forEach(store::append);
        return records.size();
    }
}
