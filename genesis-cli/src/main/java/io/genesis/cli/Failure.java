package io.genesis.cli;

import io.genesis.core.target.TargetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a command that stopped on an exception tells its user. A problem of the environment (a state
 * directory that cannot be written, a full disk, a cluster that does not answer) is not a bug: it
 * ends with exit code 2 and what to fix, in words, without Java class names. Only what nobody outside
 * Genesis can cause is an internal error (exit code 4).
 *
 * @param exitCode the process's exit code
 * @param message the line for standard error, after the command's name
 */
record Failure(ExitCode exitCode, String message) {

    /** How {@code e}, thrown while a command ran, is reported. */
    static Failure of(Throwable e) {
        return environment(e)
                .map(text -> new Failure(ExitCode.USAGE, text))
                .orElseGet(() -> new Failure(
                        ExitCode.INTERNAL_ERROR,
                        "internal error (a bug in genesis: please report it with this line): " + e));
    }

    /** The text for a problem of the environment, if {@code e} (or what it wraps) is one. */
    static Optional<String> environment(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TargetException) {
                return Optional.of(cause.getMessage());
            }
            if (cause instanceof FileSystemException files) {
                return Optional.of(files(e, files));
            }
            if (cause instanceof IOException io && !(cause.getCause() instanceof IOException)) {
                String reason = String.valueOf(io.getMessage()).toLowerCase(Locale.ROOT);
                if (reason.contains("no space left")) {
                    // A write to a channel fails with a plain IOException that names no file; the text does.
                    return Optional.of(text(e) + "; fix: free space on that device, then run the command again"
                            + " (nothing stored so far was lost)");
                }
                if (reason.contains("read-only file system")) {
                    return Optional.of(text(e) + "; fix: choose a writable --state-dir");
                }
                // A message of Genesis's own may already say what to do: one fix, not two.
                return Optional.of(
                        text(e).contains("fix:")
                                ? text(e)
                                : text(e) + "; fix: check the disk and the file's permissions, then run the command"
                                        + " again");
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String files(Throwable outer, FileSystemException e) {
        String file = e.getFile() == null ? "a file" : e.getFile();
        String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
        String what = outer instanceof UncheckedIOException && outer.getMessage() != null
                ? outer.getMessage().replace(": " + e.getMessage(), "")
                : "genesis could not use " + file;
        if (e instanceof AccessDeniedException || reason.contains("permission denied")) {
            return what + ": permission denied on " + file + "; fix: give your user write access to it, or choose"
                    + " another --state-dir";
        }
        if (reason.contains("read-only")) {
            return what + ": " + file + " is on a read-only file system; fix: choose a writable --state-dir";
        }
        if (reason.contains("no space")) {
            return what + ": no space left on the device of " + file + "; fix: free space there, then run the"
                    + " command again (nothing stored so far was lost)";
        }
        if (e instanceof NotDirectoryException || reason.contains("not a directory")) {
            return what + ": " + file + " (or a parent of it) is a file, not a directory; fix: choose another"
                    + " --state-dir, or move the file away";
        }
        if (e instanceof NoSuchFileException) {
            return what + ": " + file + " does not exist; fix: check the path";
        }
        return what + ": " + file + (reason.isEmpty() ? "" : ": " + reason)
                + "; fix: check the disk and the file's permissions";
    }

    private static String text(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an input or output operation failed" : message;
    }
}
