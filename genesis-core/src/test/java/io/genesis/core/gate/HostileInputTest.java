package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genesis.core.policy.Environments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile report files fail the gate with a message that names the file and the fix, and
 * nothing outside the given files is ever read into a verdict.
 */
class HostileInputTest {

    private static final String SECRET = "GENESIS-SECRET-MARKER-41c9";

    @TempDir
    Path workspace;

    @TempDir
    Path elsewhere;

    private GateVerdict gate(String testPattern, String coveragePattern) {
        GateRequest.Builder request = GateRequest.builder(
                        Environments.defaults().named("production"), workspace)
                .testReports(testPattern);
        if (coveragePattern != null) {
            request.coverageReports(coveragePattern);
        }
        return Gate.evaluate(request.build());
    }

    private Path write(String relative, String content) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static void assertSecretNowhere(GateVerdict verdict) {
        assertThat(String.join("\n", verdict.lines())).doesNotContain(SECRET);
        assertThat(verdict.summary().toJson()).doesNotContain(SECRET);
        assertThat(verdict.toString()).doesNotContain(SECRET);
    }

    static Stream<Arguments> brokenTestReports() {
        return Stream.of(
                Arguments.of("empty", "", "the file is empty"),
                Arguments.of("not XML", "Tests run: 5, Failures: 0", "not well-formed XML"),
                Arguments.of(
                        "truncated",
                        "<testsuite tests=\"2\">\n  <testcase name=\"a\"/>\n  <testcase name=\"b\"",
                        "at line 3"),
                Arguments.of(
                        "billion laughs",
                        "<!DOCTYPE t [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><testsuite>&c;</testsuite>",
                        "internal DTD subset"),
                Arguments.of(
                        "negative counter",
                        "<testsuite tests=\"-3\"><testcase name=\"a\"/></testsuite>",
                        "tests=\"-3\" of <testsuite> is not a non-negative whole number"),
                Arguments.of(
                        "non-numeric counter",
                        "<testsuite failures=\"many\"><testcase name=\"a\"/></testsuite>",
                        "failures=\"many\" of <testsuite> is not a non-negative whole number"),
                Arguments.of("wrong format", "<html><body/></html>", "its root element is <html>"),
                // The DOCTYPE on line 2 is named on line 2, whatever ends the lines: LF, CR LF or a lone CR.
                Arguments.of(
                        "DOCTYPE on line 2 after LF",
                        "<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY e \"x\">]>\n<testsuite/>",
                        "at line 2, column 1: reading stopped because its DOCTYPE declares an internal DTD subset"),
                Arguments.of(
                        "DOCTYPE on line 2 after CR LF",
                        "<?xml version=\"1.0\"?>\r\n<!DOCTYPE t [<!ENTITY e \"x\">]>\r\n<testsuite/>",
                        "at line 2, column 1: reading stopped because its DOCTYPE declares an internal DTD subset"),
                Arguments.of(
                        "DOCTYPE on line 2 after CR",
                        "<?xml version=\"1.0\"?>\r<!DOCTYPE t [<!ENTITY e \"x\">]>\r<testsuite/>",
                        "at line 2, column 1: reading stopped because its DOCTYPE declares an internal DTD subset"),
                Arguments.of(
                        "undeclared entity in an attribute",
                        "<testsuite>\n<testcase name=\"a\" classname=\"&bar;\"/></testsuite>",
                        "at line 2, column 36: it refers to the entity &bar;; fix: remove the DOCTYPE's"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTestReports")
    void shouldFailTheGateOnABrokenTestReport(String name, String content, String expected) throws IOException {
        write("target/surefire-reports/TEST-good.xml", "<testsuite><testcase name=\"ok\"/></testsuite>");
        write("target/surefire-reports/TEST-bad.xml", content);

        GateVerdict verdict = gate("target/surefire-reports/*.xml", null);

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict.hasInputProblems()).isTrue();
        assertThat(verdict.readings().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("cannot read target/surefire-reports/TEST-bad.xml")
                        .contains(expected)
                        .contains("; fix: "));
        // Tests read from the bad file before its problem stay counted (the truncated one has one); the
        // problem fails the gate whatever they say.
        assertThat(verdict.tests().total())
                .as("the good file is still counted")
                .isEqualTo(name.equals("truncated") ? 2 : 1);
    }

    @Test
    void shouldNeverReadAFileThatAnExternalEntityPointsTo() throws IOException {
        Path secret = Files.writeString(elsewhere.resolve("secret.txt"), SECRET);
        write(
                "target/surefire-reports/TEST-xxe.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                        + "<testsuite name=\"&xxe;\"><testcase name=\"&xxe;\" classname=\"x\"/></testsuite>");

        GateVerdict verdict = gate("target/surefire-reports/*.xml", null);

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict.readings().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("cannot read target/surefire-reports/TEST-xxe.xml at line ")
                        .contains("internal DTD subset"));
        assertSecretNowhere(verdict);
    }

    @Test
    void shouldNeverReadAnExternalDtdNorItsEntities() throws IOException {
        Path dtd = Files.writeString(elsewhere.resolve("evil.dtd"), "<!ENTITY leak \"" + SECRET + "\">");
        write(
                "site/jacoco.xml",
                "<!DOCTYPE report SYSTEM \"" + dtd.toUri() + "\"><report><counter type=\"LINE\" missed=\"1\""
                        + " covered=\"1\"/>&leak;</report>");
        write("TEST-a.xml", "<testsuite><testcase name=\"a\"/></testsuite>");

        GateVerdict verdict = gate("TEST-a.xml", "site/jacoco.xml");

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict.readings().problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.message()).contains("site/jacoco.xml").contains("&leak;"));
        assertSecretNowhere(verdict);
    }

    @Test
    void shouldNeverFollowALinkOutOfTheWorkspace() throws IOException {
        Path secret = Files.writeString(
                elsewhere.resolve("TEST-secret.xml"),
                "<testsuite name=\"" + SECRET + "\"><testcase name=\"x\"/></testsuite>");
        Files.createDirectories(workspace.resolve("reports"));
        try {
            Files.createSymbolicLink(workspace.resolve("reports/TEST-link.xml"), secret);
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no symbolic links here");
        }

        GateVerdict verdict = gate("reports/*.xml", null);

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict.tests().total()).isZero();
        assertSecretNowhere(verdict);
    }

    @Test
    void shouldFailWhenNoFileMatches() {
        GateVerdict verdict = gate("target/surefire-reports/*.xml", "target/site/jacoco/jacoco.xml");

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict.lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("failed    no files matched target/surefire-reports/*.xml under "
                                + workspace.toRealPath()))
                .anySatisfy(
                        line -> assertThat(line).startsWith("failed    no files matched target/site/jacoco/jacoco.xml"))
                .anySatisfy(line -> assertThat(line).startsWith("failed    no tests found in 0 test reports"));
    }

    @Test
    void shouldFailWhenTheReportsHoldNoTest() throws IOException {
        write("TEST-empty.xml", "<testsuite name=\"empty\" tests=\"0\"/>");
        write("jacoco.xml", "<report><counter type=\"LINE\" missed=\"0\" covered=\"10\"/></report>");

        GateVerdict verdict = gate("TEST-*.xml", "jacoco.xml");

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict.hasInputProblems()).isFalse();
        assertThat(verdict.lines()).contains("passed    read 1 test report and 1 coverage report");
        assertThat(verdict.lines())
                .anySatisfy(line -> assertThat(line).startsWith("failed    no tests found in 1 test report;"));
    }

    @Test
    void shouldFailOnBrokenCoverageCounters() throws IOException {
        write("TEST-a.xml", "<testsuite><testcase name=\"a\"/></testsuite>");
        write("coverage.xml", "<coverage lines-valid=\"10\" lines-covered=\"-2\"/>");

        GateVerdict verdict = gate("TEST-a.xml", "coverage.xml");

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict.readings().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("cannot read coverage.xml at line 1")
                        .contains("lines-covered=\"-2\" of <coverage> is not a non-negative whole number"));
    }
}
