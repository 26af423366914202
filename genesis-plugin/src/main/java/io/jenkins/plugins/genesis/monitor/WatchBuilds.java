package io.jenkins.plugins.genesis.monitor;

import io.genesis.core.watch.WatchId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Which build shows a watch on its page: one small file per watch, written before the watch starts,
 * so that a restarted controller still knows where each watch's progress and verdict go. A build's
 * externalizable id is no secret.
 */
final class WatchBuilds {

    private final Path directory;

    WatchBuilds(Path directory) {
        this.directory = directory;
    }

    void save(WatchId id, String build) {
        if (build == null || build.isEmpty()) {
            return;
        }
        Path file = directory.resolve(id.value());
        Path temporary = directory.resolve(id.value() + ".tmp");
        try {
            Files.createDirectories(directory);
            Files.writeString(temporary, build, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not note in " + file + " which build shows watch " + id + ": " + e.getMessage(), e);
        }
    }

    Optional<String> of(WatchId id) {
        try {
            String build = Files.readString(directory.resolve(id.value()), StandardCharsets.UTF_8)
                    .trim();
            return build.isEmpty() ? Optional.empty() : Optional.of(build);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read which build shows watch " + id + ": " + e.getMessage(), e);
        }
    }
}
