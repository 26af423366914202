package io.genesis.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.gate.CoberturaReportReader;
import io.genesis.core.gate.JUnitReportReader;
import io.genesis.core.gate.JacocoReportReader;
import io.genesis.core.gate.ReadLimits;
import io.genesis.core.gate.ReportException;
import io.genesis.core.gate.benchmarks.BenchmarkReportReader;
import io.genesis.core.gate.findings.FindingsReportReader;
import io.genesis.core.gate.record.FileGateRecordStore;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.notify.Outbox;
import io.genesis.core.notify.OutboxEntry;
import io.genesis.core.notify.OutboxFiles;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.watch.FileWatchStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file the engine reads, in every hostile shape: a clear error that names the file (and the line
 * where the content is at fault), never a crash and never a pass. One case per file kind and shape; the
 * table in docs/reliability.md lists them.
 */
class HostileFilesTest {

    @TempDir
    Path dir;

    /** How a file kind's contents are written, which decides how each shape is made from a valid sample. */
    enum Syntax {
        JSON,
        JSON_LINES,
        XML
    }

    /** Each file the engine reads, with a valid sample and how the engine reads it. */
    enum Kind {
        ROLLOUT_STATE("hostile/rollout-state.json", Syntax.JSON, "rollouts/r-1a2b3c4d5e6-abcdef.json", "revision") {
            @Override
            Optional<String> problem(Path file) {
                FileRolloutStateStore store = new FileRolloutStateStore(file.getParent());
                return store.list().isEmpty() || !store.problems().isEmpty()
                        ? Optional.of(String.join("\n", store.problems()))
                        : Optional.empty();
            }
        },
        WATCH_STATE("hostile/watch-state.json", Syntax.JSON, "watches/w-0001.json", "revision") {
            @Override
            Optional<String> problem(Path file) {
                FileWatchStore store = new FileWatchStore(file.getParent());
                return store.list().isEmpty() || !store.problems().isEmpty()
                        ? Optional.of(String.join("\n", store.problems()))
                        : Optional.empty();
            }
        },
        HISTORY("hostile/history.jsonl", Syntax.JSON_LINES, "history.jsonl", "step") {
            @Override
            Optional<String> problem(Path file) {
                JsonLinesHistoryStore.Contents contents = new JsonLinesHistoryStore(file).read();
                return contents.problems().isEmpty()
                        ? Optional.empty()
                        : Optional.of(String.join("\n", contents.problems()));
            }
        },
        GATE_RECORD(
                "hostile/gate-record.json",
                Syntax.JSON,
                "gates/0123456789abcdef0123456789abcdef01234567.staging.json",
                "benchmarksCut") {
            @Override
            Optional<String> problem(Path file) {
                FileGateRecordStore store = new FileGateRecordStore(file.getParent());
                return store.all().isEmpty() || !store.problems().isEmpty()
                        ? Optional.of(String.join("\n", store.problems()))
                        : Optional.empty();
            }
        },
        OUTBOX_ENTRY("hostile/outbox-entry.json", Syntax.JSON, "notifications/n-1a2b3c4d5e6f.ops.json", "attempts") {
            @Override
            Optional<String> problem(Path file) {
                List<OutboxEntry> entries =
                        Outbox.builder(file.getParent()).build().entries();
                List<String> problems = OutboxFiles.problemsIn(file.getParent());
                return entries.isEmpty() || !problems.isEmpty()
                        ? Optional.of(String.join("\n", problems))
                        : Optional.empty();
            }
        },
        LEASE("hostile/lease.json", Syntax.JSON, "locks/shop.staging.lease", null) {
            @Override
            Optional<String> problem(Path file) {
                FileRolloutLock locks = new FileRolloutLock(file.getParent());
                List<String> problems = locks.problems();
                return locks.heldBy("r-1a2b3c4d5e6-abcdef").isEmpty() || !problems.isEmpty()
                        ? Optional.of(String.join("\n", problems))
                        : Optional.empty();
            }
        },
        JUNIT("reports/surefire/TEST-com.example.shop.CalculatorTest.xml", Syntax.XML, "TEST-shop.xml", "tests") {
            @Override
            Optional<String> problem(Path file) throws ReportException {
                new JUnitReportReader(List.of()).read(file, file.getFileName().toString());
                return Optional.empty();
            }
        },
        JACOCO("reports/jacoco/jacoco.xml", Syntax.XML, "jacoco.xml", "missed") {
            @Override
            Optional<String> problem(Path file) throws ReportException {
                new JacocoReportReader().read(file, file.getFileName().toString());
                return Optional.empty();
            }
        },
        COBERTURA("reports/jest/istanbul-cobertura.xml", Syntax.XML, "cobertura.xml", "lines-covered") {
            @Override
            Optional<String> problem(Path file) throws ReportException {
                new CoberturaReportReader().read(file, file.getFileName().toString());
                return Optional.empty();
            }
        },
        SARIF("findings/published/semgrep-style.sarif", Syntax.JSON, "semgrep.sarif", "startLine"),
        BANDIT("findings/bandit/bandit.json", Syntax.JSON, "bandit.json", "line_number"),
        PIP_AUDIT("findings/published/pip-audit.json", Syntax.JSON, "pip-audit.json", null),
        OSV("findings/published/osv-scanner.json", Syntax.JSON, "osv.json", null),
        GITLEAKS("findings/published/gitleaks.json", Syntax.JSON, "gitleaks.json", "StartLine"),
        TRUFFLEHOG("findings/published/trufflehog.json", Syntax.JSON_LINES, "trufflehog.json", "line"),
        JMH("benchmarks/jmh/jmh-current.json", Syntax.JSON, "jmh.json", "score") {
            @Override
            Optional<String> problem(Path file) throws ReportException {
                new BenchmarkReportReader(ReadLimits.DEFAULT)
                        .read(file, file.getFileName().toString());
                return Optional.empty();
            }
        },
        PYTEST_BENCHMARK("hostile/pytest-benchmark.json", Syntax.JSON, "pytest-benchmark.json", "mean") {
            @Override
            Optional<String> problem(Path file) throws ReportException {
                new BenchmarkReportReader(ReadLimits.DEFAULT)
                        .read(file, file.getFileName().toString());
                return Optional.empty();
            }
        };

        final String sample;
        final Syntax syntax;
        final String fileName;
        /** A number the engine reads from this kind, or null when it reads none. */
        final String numberField;

        Kind(String sample, Syntax syntax, String fileName, String numberField) {
            this.sample = sample;
            this.syntax = syntax;
            this.fileName = fileName;
            this.numberField = numberField;
        }

        /** What the engine says about {@code file}, or empty when it read it as a good file. */
        Optional<String> problem(Path file) throws ReportException {
            new FindingsReportReader(ReadLimits.DEFAULT, false)
                    .read(file, file.getFileName().toString());
            return Optional.empty();
        }

        byte[] sample() {
            try (InputStream in = HostileFilesTest.class.getClassLoader().getResourceAsStream(sample)) {
                assertThat(in).as(sample).isNotNull();
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The hostile shapes. */
    enum Shape {
        EMPTY(false),
        TRUNCATED(true),
        BAD_UTF8(true),
        DEEP_NESTING(true),
        HUGE_STRING(true),
        NUMBER_AS_STRING(true),
        WRONG_TYPE(true),
        NUL_BYTE(true),
        SYMLINK_LOOP(false);

        /** Whether the fault is at a place in the content, which the error must then name. */
        final boolean positioned;

        Shape(boolean positioned) {
            this.positioned = positioned;
        }
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Kind.values())
                .flatMap(kind -> Arrays.stream(Shape.values())
                        .filter(shape -> applies(kind, shape))
                        .map(shape -> Arguments.of(kind, shape)));
    }

    /**
     * An empty history is a history without deployments, not a fault; a kind from which the engine reads
     * no number has no number to give as a string.
     */
    private static boolean applies(Kind kind, Shape shape) {
        return !(kind == Kind.HISTORY && shape == Shape.EMPTY)
                && !(shape == Shape.NUMBER_AS_STRING && kind.numberField == null);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldReadTheValidSampleOfEachKind(Kind kind) throws Exception {
        Path file = place(kind, kind.sample());

        assertThat(kind.problem(file)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void shouldNameTheFileAndWhereForEveryHostileShape(Kind kind, Shape shape) throws Exception {
        Path file = shape == Shape.SYMLINK_LOOP ? loop(kind) : place(kind, hostile(kind, shape));

        String problem;
        try {
            problem = kind.problem(file).orElse(null);
        } catch (ReportException | UncheckedIOException e) {
            problem = e.getMessage();
        }

        assertThat(problem).as("never a pass").isNotNull();
        assertThat(problem).contains(file.getFileName().toString());
        if (shape.positioned) {
            assertThat(problem).containsPattern("line \\d+");
        }
        assertThat(problem).doesNotContain("Exception:", "\tat ");
    }

    private Path place(Kind kind, byte[] content) throws IOException {
        Path file = dir.resolve(kind.fileName);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private Path loop(Kind kind) throws IOException {
        Path file = dir.resolve(kind.fileName);
        Files.createDirectories(file.getParent());
        return Files.createSymbolicLink(file, file.getFileName());
    }

    private static byte[] hostile(Kind kind, Shape shape) {
        byte[] sample = kind.sample();
        String text = new String(sample, StandardCharsets.UTF_8);
        return switch (shape) {
            case EMPTY -> new byte[0];
            case TRUNCATED -> Arrays.copyOf(sample, sample.length / 2);
            case BAD_UTF8 -> insert(sample, insideAValue(kind, text), new byte[] {(byte) 0xC3, (byte) 0x28});
            case DEEP_NESTING -> deep(kind, text).getBytes(StandardCharsets.UTF_8);
            case HUGE_STRING ->
                insert(sample, insideAValue(kind, text), "x".repeat(21_000_000).getBytes(StandardCharsets.UTF_8));
            case NUMBER_AS_STRING -> numberAsString(kind, text).getBytes(StandardCharsets.UTF_8);
            case WRONG_TYPE -> wrongType(kind, text).getBytes(StandardCharsets.UTF_8);
            case NUL_BYTE -> insert(sample, insideAValue(kind, text), new byte[] {0});
            case SYMLINK_LOOP -> throw new IllegalArgumentException("a link, not content");
        };
    }

    /** A byte offset inside a string value in the middle of the sample (an attribute value in XML). */
    private static int insideAValue(Kind kind, String text) {
        Matcher value =
                (kind.syntax == Syntax.XML ? Pattern.compile("=\"") : Pattern.compile("\" ?: ?\"")).matcher(text);
        int from = text.length() / 3;
        int at = value.find(from) ? value.end() : (value.find(0) ? value.end() : -1);
        assertThat(at).as("a string value in " + kind.sample).isPositive();
        return text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String deep(Kind kind, String text) {
        int depth = 100_000;
        if (kind.syntax == Syntax.XML) {
            // Inside the report's own root element, so that the depth is what the reader meets.
            Matcher root = Pattern.compile("<[A-Za-z][^>]*>").matcher(text);
            assertThat(root.find()).isTrue();
            return text.substring(0, root.end())
                    + "<a>".repeat(depth)
                    + "</a>".repeat(depth)
                    + text.substring(root.end());
        }
        return "[".repeat(depth) + "]".repeat(depth) + "\n";
    }

    private static String numberAsString(Kind kind, String text) {
        if (kind.syntax == Syntax.XML) {
            Matcher number =
                    Pattern.compile(" " + kind.numberField + "=\"[0-9.]+\"").matcher(text);
            assertThat(number.find())
                    .as(kind.numberField + " in " + kind.sample)
                    .isTrue();
            return number.replaceAll(" " + kind.numberField + "=\"many\"");
        }
        Matcher number =
                Pattern.compile("\"" + kind.numberField + "\"( ?: ?)([0-9.]+)").matcher(text);
        assertThat(number.find()).as(kind.numberField + " in " + kind.sample).isTrue();
        return number.replaceAll("\"" + kind.numberField + "\"$1\"$2\"");
    }

    private static String wrongType(Kind kind, String text) {
        return switch (kind.syntax) {
            case XML -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html>\n<body>not a report</body>\n</html>\n";
            case JSON_LINES -> "[\"not\", \"a\", \"record\"]\n";
            case JSON -> text.stripLeading().startsWith("[") ? "{\"items\": " + text + "}" : "[" + text + "]";
        };
    }

    private static byte[] insert(byte[] sample, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sample.length + inserted.length);
        out.write(sample, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(sample, at, sample.length - at);
        return out.toByteArray();
    }
}
