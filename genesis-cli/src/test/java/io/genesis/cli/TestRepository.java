package io.genesis.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real git repository a test makes in its own directory, committed with a fixed author and committer date
 * (git reads both from the environment of the process the test starts), so what git answers is known.
 */
final class TestRepository {

    /** The committer date of every commit, in git's strict ISO form with an offset. */
    static final String COMMITTED = "2026-12-07T06:00:00+01:00";

    private final Path directory;

    private TestRepository(Path directory) {
        this.directory = directory;
    }

    /** A new repository in {@code directory} (made if missing) with one commit of a README. */
    static TestRepository withOneCommit(Path directory) throws IOException, InterruptedException {
        TestRepository repository = new TestRepository(Files.createDirectories(directory));
        repository.git("init", "-q");
        repository.git("config", "user.name", "Tess Ter");
        repository.git("config", "user.email", "tess@example.com");
        Files.writeString(directory.resolve("README"), "shop\n");
        repository.git("add", "README");
        repository.git("commit", "-q", "-m", "first");
        return repository;
    }

    Path directory() {
        return directory;
    }

    /** The commit checked out. */
    String head() throws IOException, InterruptedException {
        return git("rev-parse", "HEAD");
    }

    /** Runs {@code git -C directory args} and returns what it printed, trimmed; fails the test if git does. */
    String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("GIT_COMMITTER_DATE", COMMITTED, "GIT_AUTHOR_DATE", COMMITTED));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command + ": " + out);
        }
        return out;
    }
}
