package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.recovery.UnreadableFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The gate records, notifications and leases of the controller's directory that cannot be read, as a
 * person reads them in Jenkins: in the log of a step that meets them and on the administrators' page. What
 * is unreadable, and the words for each file (its path, what is wrong, what to do), come from the one
 * reader the command line also uses ({@link UnreadableFiles}); this only says where it was read.
 *
 * @param directory the directory read ({@code JENKINS_HOME/genesis})
 * @param problems one line per file: its path, what is wrong and what to do
 */
public record UnreadableFilesReport(Path directory, List<String> problems) {

    public UnreadableFilesReport {
        Objects.requireNonNull(directory, "directory");
        problems = List.copyOf(problems);
    }

    /** Reads {@code directory} now; changes nothing. */
    public static UnreadableFilesReport of(Path directory) {
        return new UnreadableFilesReport(directory, UnreadableFiles.in(directory));
    }

    /** Whether any file could not be read. */
    public boolean any() {
        return !problems.isEmpty();
    }

    /** One warning line per file, for a step's log; nothing when every file could be read. */
    public List<String> logLines(String step) {
        return problems.stream().map(problem -> step + ": warning: " + problem).toList();
    }

    /** Writes {@link #logLines} to {@code log}. */
    public void tell(String step, PrintStream log) {
        logLines(step).forEach(log::println);
    }
}
