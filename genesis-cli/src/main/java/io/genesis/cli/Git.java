package io.genesis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Asks git what the working directory's checkout is at, so {@code --commit} can be left out there. */
final class Git {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private Git() {}

    /** What git printed for a command that ended well, or why it did not, in words for people. */
    static final class GitException extends Exception {
        private static final long serialVersionUID = 1L;

        GitException(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code git -C directory args} and returns what it printed, trimmed.
     *
     * @throws GitException naming the directory, the command and git's own words when git is missing, fails
     *     or takes more than 10 s
     */
    static String run(Path directory, String... args) throws GitException {
        java.util.List<String> command =
                new java.util.ArrayList<>(java.util.List.of("git", "-C", directory.toString()));
        command.addAll(java.util.List.of(args));
        String shown = "git " + String.join(" ", args);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new GitException("cannot run git (" + e.getMessage() + "); install git (Debian: apt-get install git)"
                    + " so that it is on the PATH");
        }
        try (InputStream out = process.getInputStream();
                InputStream err = process.getErrorStream()) {
            String text = new String(out.readNBytes(64 * 1024), StandardCharsets.UTF_8).trim();
            String said = new String(err.readNBytes(4096), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new GitException("'" + shown + "' in " + directory + " took more than 10 s");
            }
            if (process.exitValue() != 0) {
                throw new GitException("'" + shown + "' in " + directory + " failed (exit " + process.exitValue()
                        + (said.isEmpty() ? "" : ": " + said.replace('\n', ' ')) + ")");
            }
            return text;
        } catch (IOException e) {
            throw new GitException("'" + shown + "' in " + directory + " could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("'" + shown + "' in " + directory + " was interrupted");
        } finally {
            process.destroy();
        }
    }

    /** The commit checked out in {@code directory}, if it is a git checkout and git answers within 5 s. */
    static Optional<String> head(Path directory) {
        Process process;
        try {
            process = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readNBytes(200), StandardCharsets.US_ASCII).trim();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return SHA.matcher(text).matches() ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroy();
        }
    }
}
