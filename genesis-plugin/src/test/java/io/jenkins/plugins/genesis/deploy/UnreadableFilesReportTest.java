package io.jenkins.plugins.genesis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.secret.PrivateFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnreadableFilesReportTest {

    @TempDir
    Path home;

    private Path damaged(String kind, String name, String content) throws IOException {
        Path file =
                PrivateFiles.directory(home.resolve("genesis").resolve(kind)).resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void shouldNameEachUnreadableFileWhatIsWrongAndWhatToDoInAStepsLog() throws IOException {
        // given
        Path gate = damaged("gates", "0123456789abcdef0123456789abcdef01234567.staging.json", "{\"commit\":\"01");
        Path notification = damaged("notifications", "n-1a2b3c4d.ops.json", "{\"id\":\"n-1a2b3c4d\",\"chan");
        Path lease = damaged("locks", "shop.production.lease", "{\"holder\":\"r-1a2b3c4d5e6-abcdef\",\"own");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        // when
        UnreadableFilesReport report = UnreadableFilesReport.of(home.resolve("genesis"));
        report.tell("genesisDeploy", new PrintStream(log, true, StandardCharsets.UTF_8));

        // then
        assertThat(report.any()).isTrue();
        assertThat(report.problems()).hasSize(3);
        assertThat(log.toString(StandardCharsets.UTF_8).lines())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("genesisDeploy: warning: "))
                .anySatisfy(line -> assertThat(line)
                        .contains(gate + " skipped: not a readable gate record state (" + gate + ", line 1")
                        .contains("run 'genesis gate' for that commit again"))
                .anySatisfy(line ->
                        assertThat(line).contains(notification.toString()).contains("neither sent nor sent again"))
                .anySatisfy(line -> assertThat(line)
                        .contains(lease + " is not a readable lease (" + lease + ", line 1")
                        .contains("so it locks nothing", "then remove the file"));
    }

    @Test
    void shouldChangeNothingItReads() throws IOException {
        // given
        Path lease = damaged("locks", "shop.staging.lease", "{\"holder\":");

        // when
        UnreadableFilesReport.of(home.resolve("genesis"));

        // then
        assertThat(lease).hasContent("{\"holder\":");
    }

    @Test
    void shouldSayNothingWhenEveryFileCanBeRead() throws IOException {
        // given: a directory with no damaged file, and one Jenkins has not made yet
        PrivateFiles.directory(home.resolve("genesis").resolve("locks"));

        // when
        UnreadableFilesReport read = UnreadableFilesReport.of(home.resolve("genesis"));
        UnreadableFilesReport missing = UnreadableFilesReport.of(home.resolve("not-yet"));

        // then
        assertThat(read.any()).isFalse();
        assertThat(read.logLines("genesisGate")).isEmpty();
        assertThat(missing.problems()).isEmpty();
    }

    @Test
    void shouldMonitorTheDirectoryAnewAtEachLook() throws IOException {
        // given
        UnreadableFilesMonitor monitor = new UnreadableFilesMonitor(() -> home.resolve("genesis"));
        assertThat(monitor.isActivated()).isFalse();
        Path lease = damaged("locks", "shop.staging.lease", "{\"holder\":");

        // when
        boolean activated = monitor.isActivated();

        // then
        assertThat(activated).isTrue();
        assertThat(monitor.getDirectory()).isEqualTo(home.resolve("genesis").toString());
        assertThat(monitor.getProblems())
                .singleElement()
                .satisfies(problem -> assertThat(problem).startsWith(lease + " is not a readable lease"));
        assertThat(monitor.id).isEqualTo("genesisUnreadableFiles");

        // and once the file is moved out, the message goes
        Files.delete(lease);
        assertThat(monitor.isActivated()).isFalse();
    }
}
