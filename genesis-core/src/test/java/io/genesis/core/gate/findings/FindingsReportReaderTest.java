package io.genesis.core.gate.findings;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.ReadLimits;
import io.genesis.core.gate.ReportException;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FindingsReportReaderTest {

    private static Path fixtures() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(
                        FindingsReportReaderTest.class.getClassLoader().getResource("findings"))
                .toURI());
    }

    private static FindingsReading read(String relative, boolean newOnly) throws Exception {
        return new FindingsReportReader(ReadLimits.DEFAULT, newOnly)
                .read(fixtures().resolve(relative), relative);
    }

    private static ReportException failure(String content) {
        return failure(content.getBytes(UTF_8), ReadLimits.DEFAULT);
    }

    private static ReportException failure(byte[] content, ReadLimits limits) {
        try {
            new FindingsReportReader(limits, false).read(new ByteArrayInputStream(content), "reports/x.sarif");
        } catch (ReportException e) {
            return e;
        }
        throw new AssertionError("the report was read without an error");
    }

    @ParameterizedTest(name = "{0}, new only {1}")
    @CsvSource({
        // file, new only, critical, high, medium, low, secrets, suppressed, not new
        "spotbugs/spotbugsSarif.json, false, 0, 1, 6, 4, 0, 0, 0",
        "bandit/bandit.json, false, 0, 1, 4, 2, 0, 0, 0",
        "published/semgrep-style.sarif, false, 1, 3, 0, 1, 0, 1, 1",
        "published/semgrep-style.sarif, true, 1, 1, 0, 1, 0, 1, 3",
        "published/gitleaks.json, false, 0, 0, 0, 0, 2, 0, 0",
        "published/trufflehog.json, false, 0, 0, 0, 0, 2, 0, 0",
        "published/pip-audit.json, false, 0, 2, 0, 0, 0, 0, 0",
        "published/osv-scanner.json, false, 0, 2, 1, 0, 0, 0, 0"
    })
    void shouldCountFindingsByGitHubsSeverities(
            String file,
            boolean newOnly,
            long critical,
            long high,
            long medium,
            long low,
            long secrets,
            long suppressed,
            long notNew)
            throws Exception {
        FindingsReading reading = read(file, newOnly);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(reading.count(Severity.CRITICAL)).as("critical").isEqualTo(critical);
        softly.assertThat(reading.count(Severity.HIGH)).as("high").isEqualTo(high);
        softly.assertThat(reading.count(Severity.MEDIUM)).as("medium").isEqualTo(medium);
        softly.assertThat(reading.count(Severity.LOW)).as("low").isEqualTo(low);
        softly.assertThat(reading.secrets()).as("secrets").isEqualTo(secrets);
        softly.assertThat(reading.suppressed()).as("suppressed").isEqualTo(suppressed);
        softly.assertThat(reading.notNew()).as("not new").isEqualTo(notNew);
        softly.assertAll();
    }

    @Test
    void shouldSayWhereTheWorstFindingIsAndCountByRule() throws Exception {
        FindingsReading spotbugs = read("spotbugs/spotbugsSarif.json", false);
        FindingsReading bandit = read("bandit/bandit.json", false);
        FindingsReading semgrep = read("published/semgrep-style.sarif", false);

        assertThat(spotbugs.first().get(Severity.HIGH))
                .isEqualTo("src/main/java/com/example/shop/Accounts.java:17 (SpotBugs DMI_CONSTANT_DB_PASSWORD)");
        assertThat(spotbugs.byRule()).containsEntry("SpotBugs ODR_OPEN_DATABASE_RESOURCE", 2L);
        assertThat(bandit.first().get(Severity.HIGH)).isEqualTo("shop/orders.py:18 (Bandit B602)");
        assertThat(semgrep.first().get(Severity.CRITICAL))
                .isEqualTo("app/views.py:41 (Semgrep OSS python.flask.security.injection.os-system-injection)");
        assertThat(semgrep.suppressedExamples())
                .containsExactly("app/legacy.py:7 (Semgrep OSS python.lang.security.audit.eval-detected)");
    }

    @Test
    void shouldNameWhereASecretIsButNeverTheSecret() throws Exception {
        FindingsReading gitleaks = read("published/gitleaks.json", false);
        FindingsReading truffleHog = read("published/trufflehog.json", false);

        assertThat(gitleaks.firstSecret()).contains("config/settings.py:3 (gitleaks aws-access-token)");
        assertThat(truffleHog.firstSecret()).contains("deploy/env.sh:4 (TruffleHog AWS)");
        assertThat(gitleaks.plus(truffleHog).toString())
                .doesNotContain("AKIAIOSFODNN7EXAMPLE")
                .doesNotContain("f3b1c2d4e5a69788")
                .doesNotContain("xoxb-");
    }

    static Stream<Arguments> hostile() {
        String sarif = "{\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[%s]}]}";
        return Stream.of(
                Arguments.of("empty", "", "the file is empty"),
                Arguments.of("not JSON", "Tests run: 5", "not well-formed JSON"),
                Arguments.of(
                        "truncated", "{\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{", "truncated"),
                Arguments.of(
                        "deep nesting", "{\"x\":".repeat(5000) + "1" + "}".repeat(5000), "reading stopped because"),
                Arguments.of(
                        "line number as a string",
                        sarif.formatted("{\"ruleId\":\"r\",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
                                + "{\"uri\":\"a.py\"},\"region\":{\"startLine\":\"12\"}}}]}"),
                        "region.startLine must be a whole number, found a string"),
                Arguments.of(
                        "severity that is no number",
                        sarif.formatted("{\"ruleId\":\"r\",\"properties\":{\"security-severity\":\"high\"}}"),
                        "security-severity \"high\" is not a number"),
                Arguments.of(
                        "severity out of range",
                        sarif.formatted("{\"ruleId\":\"r\",\"properties\":{\"security-severity\":\"99\"}}"),
                        "is not between 0 and 10"),
                Arguments.of(
                        "unknown level", sarif.formatted("{\"ruleId\":\"r\",\"level\":\"fatal\"}"), "level \"fatal\""),
                Arguments.of("unknown format", "{\"issues\":[]}", "not a findings report this gate knows"),
                Arguments.of("a number at the root", "42", "it is not a findings report"),
                Arguments.of("gitleaks without rule", "[{\"File\":\"a\"}]", "has no RuleID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void shouldRefuseHostileOrBrokenReportsWithWhereAndTheFix(String name, String content, String expected) {
        ReportException e = failure(content);

        assertThat(e.getMessage())
                .startsWith("cannot read reports/x.sarif")
                .contains(expected)
                .contains("; fix: ");
    }

    @Test
    void shouldStopAtAHugeStringBeforeHoldingIt() {
        String huge = "{\"runs\":[{\"tool\":{\"driver\":{\"name\":\"" + "x".repeat(5000) + "\"}}}]}";

        ReportException e = failure(huge.getBytes(UTF_8), new ReadLimits(1 << 20, 1000, 64));

        assertThat(e.getMessage()).contains("reading stopped because").contains("line 1");
    }

    @Test
    void shouldRefuseInvalidUtf8WithItsPosition() {
        byte[] bad = "{\"runs\":[{\"tool\":{\"driver\":{\"name\":\"ab\"}}}]}".getBytes(UTF_8);
        bad[bad.length - 8] = (byte) 0xC3; // a lead byte followed by 'b', not a continuation byte

        ReportException e = failure(bad, ReadLimits.DEFAULT);

        assertThat(e.getMessage()).contains("UTF-8").contains("line 1");
    }

    @Test
    void shouldNotQuoteTheFileInItsErrors() {
        ReportException e = failure("[{\"RuleID\":\"r\",\"Secret\": AKIAIOSFODNN7EXAMPLE}]");

        assertThat(e.getMessage()).contains("not well-formed JSON").doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void shouldNeverCountAFileItCouldNotOpen() throws Exception {
        Path missing = Files.createTempDirectory("findings").resolve("absent.sarif");

        assertThatThrownBy(() -> new FindingsReportReader(ReadLimits.DEFAULT, false).read(missing, "absent.sarif"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("cannot be opened");
    }
}
