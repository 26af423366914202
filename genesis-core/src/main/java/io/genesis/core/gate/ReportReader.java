package io.genesis.core.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one report file into a result. Implementations stream the file and keep only counts, so
 * memory does not grow with the file.
 *
 * @param <R> what a report yields
 */
public interface ReportReader<R> {

    /**
     * Reads a report from {@code input}, which the caller closes.
     *
     * @param source how to name the file in messages, such as {@code target/surefire-reports/TEST-A.xml}
     * @throws ReportException when the report cannot be read, with where and what to do
     */
    R read(InputStream input, String source) throws ReportException;

    /** Reads the report file {@code file}, naming it {@code source} in messages. */
    default R read(Path file, String source) throws ReportException {
        try (InputStream input = Files.newInputStream(file)) {
            return read(input, source);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /** The error for a file that cannot be opened. */
    static ReportException unreadable(String source, IOException e) {
        return new ReportException(
                source,
                ReportException.UNKNOWN,
                ReportException.UNKNOWN,
                "the file cannot be opened (" + e.getClass().getSimpleName() + ")",
                "check that it exists, is a regular file and is readable by this process");
    }
}
