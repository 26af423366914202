package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state directory on a real file system that fills up (a 512 KiB tmpfs, which the test mounts; it needs
 * root, as the build's tests run here, and is skipped otherwise): the command says so with what to fix,
 * nothing recorded before is lost, and once space is freed the next deploy runs and is recorded.
 */
class DiskFullITest {

    private static final String STEPS = "deploy; smoke; weight 100; promote";

    @TempDir
    Path work;

    private Path mount;
    private boolean mounted;
    private final RecordingKind recording = new RecordingKind();

    @BeforeEach
    void mountASmallFileSystem() throws Exception {
        mount = Files.createDirectories(work.resolve("small"));
        Process process = new ProcessBuilder(
                        "mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", mount.toString())
                .redirectErrorStream(true)
                .start();
        mounted = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        assumeTrue(
                mounted,
                "mounting a small tmpfs needs root: "
                        + new String(process.getInputStream().readAllBytes()));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", mount.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldSayTheDiskIsFullKeepTheHistoryAndDeployOnceThereIsSpace() throws Exception {
        Path state = mount.resolve("state");
        assertThat(recording.deployToStaging(state, "shop", "1.0.0", STEPS).exitCode())
                .isZero();
        Path filler = fill(mount);

        Run full = recording.deployToStaging(state, "shop", "1.1.0", STEPS);
        Run status = Run.on(recording.host(), "status", "--state-dir", state.toString(), "--json");

        assertThat(full.exitCode()).as(full.err()).isEqualTo(ExitCode.USAGE.code());
        assertThat(full.err())
                .contains("No space left on device; fix: free space on that device", "nothing stored so far was lost")
                .doesNotContain("internal error", "Exception", "\tat ");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode document = new ObjectMapper().readTree(status.out());
        assertThat(document.get("inProgress")).isEmpty();
        assertThat(document.get("problems")).isEmpty();
        assertThat(CommandLines.records(state))
                .singleElement()
                .satisfies(r -> assertThat(r.version()).isEqualTo("1.0.0"));

        Files.delete(filler);
        Run freed = recording.deployToStaging(state, "shop", "1.1.0", STEPS);

        assertThat(freed.exitCode()).as(freed.err()).isZero();
        assertThat(CommandLines.records(state))
                .extracting(DeploymentRecord::version, DeploymentRecord::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("1.0.0", RecordStatus.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("1.1.0", RecordStatus.SUCCEEDED));
    }

    /** Writes a file until the file system is full; returns it. */
    private static Path fill(Path mount) throws IOException {
        Path filler = mount.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).containsIgnoringCase("no space");
        }
        return filler;
    }
}
