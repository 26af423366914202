package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, run as users run it: {@code java -jar genesis.jar gate ...} on real tool reports. */
class GenesisJarITest {

    @TempDir
    static Path workspace;

    private static GenesisJar jar;

    @BeforeAll
    static void buildWorkspace() throws IOException {
        jar = GenesisJar.in(workspace);
        Fixtures.mavenBuild(workspace);
        Fixtures.copy(
                workspace,
                "target/failsafe-reports",
                "failsafe/TEST-com.example.shop.CheckoutIT.xml",
                "failsafe/failsafe-summary.xml");
    }

    private static GenesisJar.Result genesis(String... args) throws IOException, InterruptedException {
        return jar.run(args);
    }

    @Test
    void shouldFailTheRealBuildsGateWithExitCodeOne() throws Exception {
        GenesisJar.Result result = genesis(
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
        GenesisJar.Result result =
                genesis(CommandLines.concat(List.of("gate"), Fixtures.gateOnMavenReports("staging", "--json")));

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(json.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(json.get("tests").get("passed").asInt()).isEqualTo(27);
        assertThat(json.get("coverage").get("branch").get("missed").asInt()).isEqualTo(13);
    }

    @Test
    void shouldSayItsVersion() throws Exception {
        GenesisJar.Result result = genesis("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("genesis 0.");
    }
}
