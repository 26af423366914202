package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate in a 32 MB heap (docs/gate.md promises it) on hostile and large reports: each case runs
 * the gate in a child JVM started with {@code -Xmx32m}, which would die of {@link OutOfMemoryError}
 * (exit code 1 and no verdict) if a reader held what it must not.
 */
class SmallHeapTest {

    private static final String MB = "x".repeat(1 << 20);

    @TempDir
    static Path workspace;

    @BeforeAll
    static void writeReports() throws IOException {
        // One 40 MB attribute: the parser would hold it (twice, as bytes and as characters).
        write("attribute/TEST-huge.xml", out -> {
            out.write("<testsuite>\n<testcase name=\"a\" classname=\"");
            for (int i = 0; i < 40; i++) {
                out.write(MB);
            }
            out.write("\"/>\n</testsuite>\n");
        });
        // 64 MB of test output and a 32 MB comment: skipped by the parser, never held, so accepted.
        write("output/TEST-chatty.xml", out -> {
            out.write("<testsuite><testcase classname=\"C\" name=\"a\"><system-out><![CDATA[");
            for (int i = 0; i < 64; i++) {
                out.write(MB);
            }
            out.write("]]></system-out></testcase><!--");
            for (int i = 0; i < 32; i++) {
                out.write(MB);
            }
            out.write("--><testcase classname=\"C\" name=\"b\"/></testsuite>");
        });
        // As many distinct tests as the default limit, and one more.
        writeTests("many/TEST-million.xml", ReadLimits.DEFAULT_MAX_TESTS);
        writeTests("toomany/TEST-million-and-one.xml", ReadLimits.DEFAULT_MAX_TESTS + 1);
    }

    @Test
    void shouldRefuseA40MegabyteAttributeWithItsLineAndTheFix() throws Exception {
        List<String> out = gate("attribute/*.xml");

        assertThat(String.join("\n", out))
                .contains("cannot read attribute/TEST-huge.xml at line 2")
                .contains("longer than the limit of 1048576 bytes")
                .contains("fix: check that the file is a report a tool wrote");
    }

    @Test
    void shouldSkipHugeOutputAndCommentsWithoutHoldingThem() throws Exception {
        List<String> out = gate("output/*.xml");

        assertThat(out).contains("tests: 2").noneMatch(line -> line.contains("cannot read"));
    }

    @Test
    void shouldCountAsManyTestsAsTheLimitAndRefuseOneMore() throws Exception {
        assertThat(gate("many/*.xml")).contains("tests: " + ReadLimits.DEFAULT_MAX_TESTS);
        assertThat(String.join("\n", gate("toomany/*.xml")))
                .contains("more than " + ReadLimits.DEFAULT_MAX_TESTS + " distinct tests")
                .contains("raise the limit");
    }

    private static List<String> gate(String pattern) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-Xmx32m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SmallHeapGate.class.getName(),
                        workspace.toString(),
                        pattern)
                .redirectErrorStream(true)
                .start();
        child.getOutputStream().close();
        byte[] output = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(text).isZero();
        assertThat(text).doesNotContain("OutOfMemoryError");
        return text.lines().toList();
    }

    private static void writeTests(String relative, long count) throws IOException {
        write(relative, out -> {
            out.write("<testsuite>\n");
            for (long i = 0; i < count; i++) {
                out.write("<testcase classname=\"com.example.C" + (i % 1000) + "\" name=\"t" + i + "\"/>\n");
            }
            out.write("</testsuite>\n");
        });
    }

    private static void write(String relative, Body body) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            body.write(out);
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(BufferedWriter out) throws IOException;
    }
}
