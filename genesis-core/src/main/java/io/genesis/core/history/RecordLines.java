package io.genesis.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.secret.Redaction;
import io.genesis.core.time.StoredJson;
import io.genesis.core.time.TimeJson;
import java.nio.charset.StandardCharsets;

/**
 * One deployment record as one JSON line, the form every file store and the export use: redacted
 * once here, so a credential that reached a message never reaches a disk or an export file.
 */
public final class RecordLines {

    /** Shared: a mapper learns each type once, which costs far more than the writing itself. */
    private static final ObjectMapper JSON = TimeJson.mapper();

    private RecordLines() {}

    /** {@code record} as JSON and a line break (Jackson escapes line breaks inside strings). */
    public static byte[] line(DeploymentRecord record) {
        try {
            return (Redaction.text(JSON.writeValueAsString(record)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write deployment record " + record.id() + " as JSON", e);
        }
    }

    /**
     * The record in {@code length} bytes of {@code bytes} from {@code offset}.
     *
     * @throws JsonProcessingException when they are not one valid record (Jackson also wraps what the
     *     record's constructor throws for a bad field)
     */
    public static DeploymentRecord read(byte[] bytes, int offset, int length) throws JsonProcessingException {
        return StoredJson.read(bytes, offset, length, DeploymentRecord.class);
    }

    /** What is done with each line that is not blank. */
    @FunctionalInterface
    public interface LineVisitor {
        /**
         * @param start where the line starts in the bytes
         * @param length its length, without the line break
         * @param number its number, from 1 (blank lines count)
         * @param last whether no line break ends it (the last line of a torn write has none)
         */
        void line(int start, int length, int number, boolean last);
    }

    /** Visits every line of {@code bytes} that is not blank, in order. */
    public static void eachLine(byte[] bytes, LineVisitor visitor) {
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            if (!new String(bytes, start, end - start, StandardCharsets.UTF_8).isBlank()) {
                visitor.line(start, end - start, number, end >= bytes.length);
            }
            start = end + 1;
        }
    }
}
