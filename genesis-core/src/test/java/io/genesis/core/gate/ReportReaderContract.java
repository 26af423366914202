package io.genesis.core.gate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every report reader must do with good, broken and hostile files. Each reader's test extends
 * this class and says how to build the reader and what a small valid report of its kind looks like.
 *
 * @param <R> what the reader yields
 */
abstract class ReportReaderContract<R> {

    static final String SECRET = "GENESIS-SECRET-MARKER-7f3a";
    static final String SOURCE = "reports/under-test.xml";

    @TempDir
    Path dir;

    abstract ReportReader<R> reader(ReadLimits limits);

    /** A small, valid report of the reader's format. */
    abstract String validReport();

    /** The root element's name in {@link #validReport()}. */
    abstract String rootElement();

    /** Checks what the reader made of {@link #validReport()}. */
    abstract void assertValidReading(R reading);

    R read(String xml) throws ReportException {
        return read(xml, ReadLimits.DEFAULT);
    }

    R read(String xml, ReadLimits limits) throws ReportException {
        return reader(limits).read(new ByteArrayInputStream(xml.getBytes(UTF_8)), SOURCE);
    }

    ReportException failure(String xml) {
        return failure(xml, ReadLimits.DEFAULT);
    }

    ReportException failure(String xml, ReadLimits limits) {
        ReportException e = catchThrowableOfType(ReportException.class, () -> read(xml, limits));
        assertThat(e).as("reading should have failed").isNotNull();
        assertThat(e.source()).isEqualTo(SOURCE);
        assertThat(e.getMessage()).startsWith("cannot read " + SOURCE).contains("; fix: ");
        return e;
    }

    /** The valid report with a DOCTYPE carrying {@code declarations} inserted before its root. */
    String withDoctype(String doctype) {
        String report = validReport();
        int root = report.indexOf("<" + rootElement());
        return report.substring(0, root) + doctype + report.substring(root);
    }

    @Test
    void shouldReadAValidReport() throws ReportException {
        assertValidReading(read(validReport()));
    }

    @Test
    void shouldReadAValidReportFromAFile() throws Exception {
        Path file = dir.resolve("report.xml");
        Files.writeString(file, validReport());

        assertValidReading(reader(ReadLimits.DEFAULT).read(file, "report.xml"));
    }

    @Test
    void shouldAcceptADoctypeThatOnlyNamesAnExternalDtd() throws ReportException {
        // JaCoCo and Istanbul write such a DOCTYPE; the DTD is never there, and never fetched.
        String xml = withDoctype("<!DOCTYPE " + rootElement() + " PUBLIC \"-//X//DTD Y//EN\" \"missing.dtd\">");

        assertValidReading(read(xml));
    }

    @Test
    void shouldNameAFileThatCannotBeOpened() {
        assertThatThrownBy(() -> reader(ReadLimits.DEFAULT).read(dir.resolve("absent.xml"), "absent.xml"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("cannot read absent.xml")
                .hasMessageContaining("cannot be opened")
                .hasMessageContaining("fix:");
    }

    @Test
    void shouldRejectAnEmptyFile() {
        assertThat(failure("").getMessage()).contains("the file is empty");
    }

    @Test
    void shouldRejectTextThatIsNotXml() {
        ReportException e = failure("Tests run: 3, Failures: 0\n");

        assertThat(e.getMessage()).contains("not well-formed XML");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void shouldRejectATruncatedReportWithItsPosition() {
        String report = validReport();
        String truncated = report.substring(0, report.lastIndexOf("</"));

        ReportException e = failure(truncated);

        assertThat(e.getMessage()).contains("not well-formed XML").contains("truncated");
        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
    }

    @Test
    void shouldRejectAnotherRootElement() {
        assertThat(failure("<html><body/></html>").getMessage()).contains("<html>");
    }

    @Test
    void shouldRefuseAnExternalEntityWithoutReadingTheFile() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        String xml = withDoctype("<!DOCTYPE " + rootElement() + " [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .replaceFirst("(<" + rootElement() + "[^>]*>)", "$1&xxe;");

        ReportException e = failure(xml);

        assertThat(e.getMessage()).contains("internal DTD subset").doesNotContain(SECRET);
    }

    @Test
    void shouldRefuseEntityDeclarationsEvenWhenNothingUsesThem() {
        String xml = withDoctype("<!DOCTYPE " + rootElement() + " [<!ENTITY unused \"x\">]>");

        assertThat(failure(xml).getMessage()).contains("internal DTD subset");
    }

    @Test
    void shouldRefuseAnEntityInAnAttributeWithoutExpandingIt() {
        String xml = validReport().replaceFirst("<" + rootElement(), "<" + rootElement() + " name=\"&leak;\"");

        assertThat(failure(xml).getMessage()).contains("leak").doesNotContain(SECRET);
    }

    @Test
    void shouldRefuseAnEntityFromAnExternalDtdWithoutReadingIt() throws IOException {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak \"" + SECRET + "\">");
        String xml = withDoctype("<!DOCTYPE " + rootElement() + " SYSTEM \"" + dtd.toUri() + "\">")
                .replaceFirst("(<" + rootElement() + "[^>]*>)", "$1&leak;");

        ReportException e = failure(xml);

        assertThat(e.getMessage()).contains("&leak;").doesNotContain(SECRET);
    }

    @Test
    void shouldNeverFetchADtdOverTheNetwork() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<!ENTITY leak \"" + SECRET + "\">").getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/report.dtd";

            assertValidReading(read(withDoctype("<!DOCTYPE " + rootElement() + " SYSTEM \"" + url + "\">")));
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Timeout(10)
    void shouldRefuseBillionLaughsWithoutExpandingAnything() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE " + rootElement() + " [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>");
        String xml = withDoctype(doctype.toString()).replaceFirst("(<" + rootElement() + "[^>]*>)", "$1&lol9;");

        assertThat(failure(xml).getMessage()).contains("internal DTD subset");
    }

    @Test
    void shouldRefuseAnUndeclaredEntityReference() {
        String xml = validReport().replaceFirst("(<" + rootElement() + "[^>]*>)", "$1&undeclared;");

        assertThat(failure(xml).getMessage()).contains("&undeclared;");
    }

    @Test
    void shouldStopAtTheFileSizeLimit() {
        String report = validReport();

        ReportException e = failure(report, new ReadLimits(report.length() / 2, 1 << 20, 64));

        assertThat(e.getMessage()).contains("larger than the limit of " + report.length() / 2 + " bytes");
    }

    @Test
    void shouldStopAtAnOverlongTagBeforeHoldingIt() {
        String xml = validReport()
                .replaceFirst("<" + rootElement(), "<" + rootElement() + " junk=\"" + "x".repeat(5000) + "\"");

        ReportException e = failure(xml, new ReadLimits(1 << 20, 1000, 64));

        assertThat(e.getMessage())
                .contains("longer than the limit of 1000 bytes")
                .contains("raise the limit");
        assertThat(e.line()).isPositive();
    }

    @Test
    void shouldStopAtAbsurdNesting() {
        String xml = validReport()
                .replaceFirst("(<" + rootElement() + "[^>]*>)", "$1" + "<x>".repeat(100) + "</x>".repeat(100));

        ReportException e = failure(xml, new ReadLimits(1 << 20, 1 << 20, 50));

        assertThat(e.getMessage()).contains("nested more than 50 levels");
        assertThat(e.line()).isPositive();
    }

    @Test
    void shouldReadLongTextWithoutHoldingIt() throws ReportException {
        // Stack traces, logs and comments are skipped, not held: only tags count towards the limit.
        String comment = "<!-- " + "<long log line>\n".repeat(10_000) + " -->";
        String xml = validReport().replaceFirst("(<" + rootElement() + "[^>]*>)", "$1" + comment);

        assertValidReading(read(xml, new ReadLimits(1 << 20, 1000, 64)));
    }

    @Test
    void shouldTakeInputFromAnyStream() throws ReportException {
        InputStream slow = new InputStream() {
            private final byte[] bytes = validReport().getBytes(UTF_8);
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (next >= bytes.length) {
                    return -1;
                }
                buffer[offset] = bytes[next++];
                return 1;
            }
        };

        assertValidReading(reader(ReadLimits.DEFAULT).read(slow, SOURCE));
    }
}
