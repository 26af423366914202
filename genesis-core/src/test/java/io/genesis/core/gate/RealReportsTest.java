package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.policy.Environments;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate's totals against each tool's own summary, on reports written by the real tools (see
 * {@code src/test/resources/reports/README.md}). Each folder's {@code expected.json} holds what
 * the tool printed.
 */
class RealReportsTest {

    /** Per folder, the test report patterns of each run; pytest's folder holds two runs of one suite. */
    private static final Map<String, List<String>> TEST_RUNS = Map.of(
            "surefire", List.of("*.xml"),
            "surefire-nested", List.of("*.xml"),
            "pytest-teardown", List.of("pytest-7.2.1-xunit2.xml", "pytest-9.0.3-xunit2.xml"),
            "failsafe", List.of("*.xml"),
            "gradle", List.of("*.xml"),
            "pytest", List.of("pytest-xunit1.xml", "pytest-xunit2.xml"),
            "jest", List.of("jest-junit.xml"));

    private static final Map<String, String> COVERAGE =
            Map.of("jacoco", "jacoco.xml", "pytest", "coverage-py.xml", "jest", "istanbul-cobertura.xml");

    /**
     * The tools' counter names that are not ours: Istanbul's functions are Cobertura's methods, and
     * its statements are not in the Cobertura file at all (they are only on Jest's console).
     */
    private static final Map<String, String> COUNTER_NAMES = Map.of("FUNCTION", "METHOD", "STATEMENT", "");

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path fixtures() throws URISyntaxException {
        return Path.of(
                Objects.requireNonNull(RealReportsTest.class.getClassLoader().getResource("reports"))
                        .toURI());
    }

    static Stream<Arguments> testRuns() {
        return TEST_RUNS.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(glob -> Arguments.of(e.getKey(), glob)));
    }

    static Stream<Arguments> coverageReports() {
        return COVERAGE.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("testRuns")
    void shouldCountTestsAsTheToolDid(String folder, String glob) throws Exception {
        JsonNode expected = expected(folder).get("tests");
        GateRequest request = GateRequest.builder(
                        Environments.defaults().named("staging"), fixtures().resolve(folder))
                .testReports(glob)
                .build();

        GateVerdict verdict = Gate.evaluate(request);

        assertThat(verdict.readings().problems()).isEmpty();
        assertThat(verdict.tests())
                .isEqualTo(new TestCounts(
                        expected.get("total").asLong(),
                        expected.get("passed").asLong(),
                        expected.get("failed").asLong(),
                        expected.get("errors").asLong(),
                        expected.get("skipped").asLong(),
                        expected.get("flaky").asLong()));
        JsonNode duplicates = expected(folder).get("duplicates");
        if (duplicates != null) {
            assertThat(verdict.readings().tests().duplicates().count()).isEqualTo(duplicates.asLong());
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("coverageReports")
    void shouldCountCoverageAsTheToolDid(String folder, String file) throws Exception {
        JsonNode expected = expected(folder).get("coverage");
        GateRequest request = GateRequest.builder(
                        Environments.defaults().named("staging"), fixtures().resolve(folder))
                .coverageReports(file)
                .build();

        GateVerdict verdict = Gate.evaluate(request);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(verdict.readings().problems()).isEmpty();
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> counter = it.next();
            String ours = COUNTER_NAMES.getOrDefault(counter.getKey(), counter.getKey());
            if (ours.isEmpty()) {
                continue;
            }
            softly.assertThat(verdict.coverage().get(CoverageMetric.valueOf(ours)))
                    .as(counter.getKey())
                    .contains(new CoverageCounter(
                            counter.getValue().get("covered").asLong(),
                            counter.getValue().get("missed").asLong()));
            compared++;
        }
        softly.assertThat(verdict.coverage().counters()).hasSize(compared);
        softly.assertAll();
    }

    @Test
    void shouldCheckEveryFixtureFolder() throws Exception {
        List<String> folders = new ArrayList<>();
        try (Stream<Path> children = Files.list(fixtures())) {
            children.filter(p -> Files.exists(p.resolve("expected.json")))
                    .forEach(p -> folders.add(p.getFileName().toString()));
        }
        for (String folder : folders) {
            JsonNode expected = expected(folder);
            assertThat(TEST_RUNS.containsKey(folder)).as(folder + " tests").isEqualTo(expected.has("tests"));
            assertThat(COVERAGE.containsKey(folder)).as(folder + " coverage").isEqualTo(expected.has("coverage"));
        }
        assertThat(folders).containsAll(TEST_RUNS.keySet()).containsAll(COVERAGE.keySet());
    }

    private static JsonNode expected(String folder) throws IOException, URISyntaxException {
        return JSON.readTree(fixtures().resolve(folder).resolve("expected.json").toFile());
    }
}
