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
