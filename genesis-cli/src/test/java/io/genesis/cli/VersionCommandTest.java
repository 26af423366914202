package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genesis version} on a real git repository made for the test. */
class VersionCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

    @TempDir
    Path repository;

    private final Host host = new Host(
            Clock.fixed(NOW, ZoneOffset.UTC), TargetKinds::builtIn, Optional.empty(), "tester", Duration.ofMillis(50));
    private TestRepository checkout;
    private String commit;

    @BeforeEach
    void commit() throws IOException, InterruptedException {
        checkout = TestRepository.withOneCommit(repository);
        commit = checkout.head();
    }

    @Test
    void shouldNameAnUntaggedCommitDevAndItsShortSha() {
        Run run = Run.on(host, "version", "--directory", repository.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo("dev-" + commit.substring(0, 7));
    }

    @Test
    void shouldTakeTheReleaseTagOfTheCommit() throws IOException, InterruptedException {
        checkout.git("tag", "nightly");
        checkout.git("tag", "v1.2.3");
        checkout.git("tag", "v1.10.0");

        assertThat(Run.on(host, "version", "--directory", repository.toString())
                        .out()
                        .trim())
                .isEqualTo("1.10.0");
        checkout.git("tag", "release-7.1");
        assertThat(Run.on(host, "version", "--directory", repository.toString(), "--tag-pattern", "release-(.+)")
                        .out()
                        .trim())
                .isEqualTo("7.1");
    }

    @Test
    void shouldPrintTheReleaseManifest() throws IOException, InterruptedException {
        checkout.git("tag", "v2.0.0");

        Run run = Run.on(host, "version", "--directory", repository.toString(), "--json");

        JsonNode manifest = new ObjectMapper().readTree(run.out());
        assertThat(manifest.path("version").asText()).isEqualTo("2.0.0");
        assertThat(manifest.path("commit").asText()).isEqualTo(commit);
        assertThat(manifest.path("tag").asText()).isEqualTo("v2.0.0");
        // The committer date the repository was made with (06:00 at +01:00), in UTC as records keep times.
        assertThat(manifest.path("commitTime").asText()).isEqualTo("2026-12-07T05:00:00Z");
        assertThat(manifest.path("buildDate").asText()).isEqualTo("2026-12-07T06:00:00Z");
    }

    @Test
    void shouldSayWhenTheDirectoryIsNoCheckoutOrThePatternIsWrong(@TempDir Path elsewhere) {
        Run outside = Run.on(host, "version", "--directory", elsewhere.toString());
        Run pattern = Run.on(host, "version", "--directory", repository.toString(), "--tag-pattern", "v\\d+");

        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err())
                .contains("genesis version: cannot read the commit of " + elsewhere.toAbsolutePath())
                .contains("not a git repository")
                .contains("fix: run it in a git checkout");
        assertThat(pattern.exitCode()).isEqualTo(2);
        assertThat(pattern.err()).contains("--tag-pattern: the version pattern 'v\\d+' has 0 capturing groups");
    }
}
