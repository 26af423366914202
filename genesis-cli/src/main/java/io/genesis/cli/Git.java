package io.genesis.cli;

import io.genesis.core.rollout.CommitTime;
import io.genesis.core.time.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Asks git what the working directory's checkout is at, so {@code --commit} can be left out there, and when a
 * commit was made, for the DORA lead time.
 */
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

    /** How long one git command may take: git answers these questions at once, or something is wrong. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * Runs {@code git -C directory args} (no shell) and returns what it printed, trimmed.
     *
     * @throws GitException naming the directory, the command and git's own words when git is missing, fails
     *     or takes more than {@link #TIMEOUT}
     */
    static String run(Path directory, String... args) throws GitException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        return run(command, "git " + String.join(" ", args), directory, TIMEOUT);
    }

    /** Runs {@code command}, shown as {@code shown} in messages, for at most {@code timeout}. */
    static String run(List<String> command, String shown, Path directory, Duration timeout) throws GitException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new GitException("cannot run git (" + e.getMessage() + "); install git (Debian: apt-get install git)"
                    + " so that it is on the PATH");
        }
        // Reading waits for git to close its output; a git that hangs is killed at the deadline, which
        // closes it, so the command never waits much longer than its timeout.
        AtomicBoolean late = new AtomicBoolean();
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (process.isAlive()) {
                        late.set(true);
                        process.destroyForcibly();
                    }
                });
        try (InputStream out = process.getInputStream();
                InputStream err = process.getErrorStream()) {
            String text = new String(out.readNBytes(64 * 1024), StandardCharsets.UTF_8).trim();
            String said = new String(err.readNBytes(4096), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || late.get()) {
                throw tooLong(shown, directory, timeout);
            }
            if (process.exitValue() != 0) {
                throw new GitException("'" + shown + "' in " + directory + " failed (exit " + process.exitValue()
                        + (said.isEmpty() ? "" : ": " + said.replace('\n', ' ')) + ")");
            }
            return text;
        } catch (IOException e) {
            // Killing a late command closes its output under the reader: that is the timeout, not a read error.
            if (late.get()) {
                throw tooLong(shown, directory, timeout);
            }
            throw new GitException("'" + shown + "' in " + directory + " could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("'" + shown + "' in " + directory + " was interrupted");
        } finally {
            process.destroy();
        }
    }

    private static GitException tooLong(String shown, Path directory, Duration timeout) {
        return new GitException("'" + shown + "' in " + directory + " took more than " + Durations.format(timeout)
                + " and was stopped");
    }

    /**
     * When {@code commit} was made (its committer date, {@code git show -s --format=%cI}), as git in
     * {@code directory} knows it.
     *
     * @throws GitException when git is missing, {@code directory} is no checkout, git does not know the commit,
     *     or takes too long; in git's own words
     */
    static Instant commitTime(Path directory, String commit) throws GitException {
        // ^{commit}: a tree or blob with that id is not a commit, and has no committer date.
        String text = run(directory, "show", "-s", "--format=%cI", commit + "^{commit}");
        try {
            return CommitTime.parse("git show -s --format=%cI " + commit, text);
        } catch (IllegalArgumentException e) {
            throw new GitException(e.getMessage());
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
