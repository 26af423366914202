package io.genesis.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.store.AtomicFiles;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.secret.Redaction;
import io.genesis.core.time.StoredJson;
import io.genesis.core.time.TimeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Rollback requests from one genesis process to another, as files under the state directory. A
 * target that lives inside the process running its rollout (the sandbox) can only be changed by that
 * process, so {@code genesis rollback} leaves a request and the running {@code genesis deploy} carries
 * it out.
 */
final class RollbackRequests {

    private static final ObjectMapper JSON = TimeJson.mapper();
    private static final String SUFFIX = ".rollback.json";

    private final Path directory;

    RollbackRequests(StateDir state) {
        this.directory = state.requestDir();
    }

    /**
     * One request.
     *
     * @param reason why, as the person wrote it
     * @param by who asks
     * @param at when they asked
     */
    record Request(String reason, String by, Instant at) {
        Request {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Leaves a request for {@code id}'s owner; a second request replaces the first. */
    void request(RolloutId id, Request request) {
        Path file = file(id);
        try {
            // Private, atomic, and never through a link planted where the request goes.
            AtomicFiles.write(
                    file, Redaction.text(JSON.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not leave a rollback request in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Whether a request for {@code id} waits to be taken. */
    boolean pending(RolloutId id) {
        return Files.exists(file(id));
    }

    /**
     * Takes the request for {@code id}, if there is one, and removes it. An unreadable request (damaged, or a
     * link) is removed and taken as a request whose reason says where it could not be read, so that a
     * rollback asked for is never ignored.
     */
    Optional<Request> take(RolloutId id) {
        Path file = file(id);
        String name = id.value() + SUFFIX;
        byte[] bytes;
        String unreadable = null;
        try {
            if (PrivateFiles.checkDirectory(directory).isEmpty()) {
                return Optional.empty();
            }
            bytes = PrivateFiles.read(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.isSymbolicLink(file)) {
                throw new UncheckedIOException(
                        "could not read the rollback request " + file + ": " + e.getMessage(), e);
            }
            // A link is never followed; removed like a damaged request, it still asks for the rollback.
            bytes = null;
            unreadable = name + " is a symbolic link, which Genesis never follows";
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the rollback request " + file, e);
        }
        if (bytes != null) {
            try {
                return Optional.of(StoredJson.read(bytes, Request.class));
            } catch (JsonProcessingException e) {
                // The parser's message may quote the file's text: say only where and what.
                unreadable = ParseProblem.describe(name, e);
            }
        }
        return Optional.of(new Request(
                "a rollback request that could not be read (" + unreadable + ")", "unknown", Instant.EPOCH));
    }

    private Path file(RolloutId id) {
        return directory.resolve(id.value() + SUFFIX);
    }
}
