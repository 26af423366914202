package io.genesis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class in the engine grows past {@value #MOST_CODE_LINES} code lines: a class that large does
 * more than one thing (STYLE.md, point 10), and the next feature should split it rather than grow it.
 */
class ClassSizeTest {

    private static final int MOST_CODE_LINES = 300;

    @Test
    void shouldKeepEveryEngineSourceFileWithinTheLimit() throws IOException {
        Map<String, Integer> tooLarge = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                int lines = CodeLines.count(Files.readAllLines(file, StandardCharsets.UTF_8));
                if (lines > MOST_CODE_LINES) {
                    tooLarge.put(file.toString(), lines);
                }
            }
        }

        assertThat(tooLarge)
                .as("source files over %d code lines; split them by responsibility", MOST_CODE_LINES)
                .isEmpty();
    }

    @Test
    void shouldCountNeitherBlankLinesNorCommentsNorImports() {
        List<String> source = List.of(
                "package a.b;",
                "",
                "import java.util.List;",
                "/**",
                " * Javadoc.",
                " */",
                "final class A { // trailing comment counts as code",
                "    // a comment",
                "    /* one-line block */",
                "    int x = 1; /* block after code */",
                "    /* block",
                "       over lines */ int y = 2;",
                "}");

        assertThat(CodeLines.count(source)).isEqualTo(4);
    }

    @Test
    void shouldFindAFileOverTheLimit() {
        List<String> source = Stream.concat(
                        Stream.of("final class Big {"),
                        Stream.generate(() -> "    int field;").limit(MOST_CODE_LINES))
                .toList();

        assertThat(CodeLines.count(source)).isGreaterThan(MOST_CODE_LINES);
    }
}
