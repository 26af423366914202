package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, run as users run it: {@code java -jar genesis.jar gate ...} on real tool reports. */
class GenesisJarITest {

    @TempDir
    static Path workspace;

    private static Path jar;

    @BeforeAll
    static void buildWorkspace() throws IOException {
        jar = Path.of(System.getProperty("genesis.jar", "target/genesis.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar (built by 'package')").isRegularFile();
        Fixtures.mavenBuild(workspace);
        Fixtures.copy(
                workspace,
                "target/failsafe-reports",
                "failsafe/TEST-com.example.shop.CheckoutIT.xml",
                "failsafe/failsafe-summary.xml");
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result genesis(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workspace, "out", ".txt");
        Path err = Files.createTempFile(workspace, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(workspace.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("genesis finished").isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void shouldFailTheRealBuildsGateWithExitCodeOne() throws Exception {
        Result result = genesis(
                "gate",
                "--environment",
                "production",
                "--tests",
                "target/surefire-reports/*.xml,target/failsafe-reports/*.xml",
                "--coverage",
                "target/site/jacoco/jacoco.xml",
                "--require",
                "critical=*Critical*");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.out())
                .startsWith("genesis gate for production: FAILED")
                .contains("pass rate 90.32 % < 98.00 % required for production (28 passed, 2 failed, 1 error,"
                        + " 2 skipped, 1 flaky)")
                .contains("target/failsafe-reports/failsafe-summary.xml was passed over");
    }

    @Test
    void shouldPrintJsonAScriptCanRead() throws Exception {
        Result result = genesis(
                "gate",
                "--environment",
                "staging",
                "--tests",
                "target/surefire-reports/*.xml",
                "--coverage",
                "target/site/jacoco/jacoco.xml",
                "--json");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(json.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(json.get("tests").get("passed").asInt()).isEqualTo(27);
        assertThat(json.get("coverage").get("branch").get("missed").asInt()).isEqualTo(13);
    }

    @Test
    void shouldSayItsVersion() throws Exception {
        Result result = genesis("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("genesis 0.");
    }
}
