package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every package's {@code Messages.properties} and its {@code Messages} enum name the same keys, and
 * every message formats, so no text a person might see can be missing at run time.
 */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");

    static Stream<Path> bundles() throws IOException {
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            return all.filter(p -> p.getFileName().toString().equals("Messages.properties")).toList().stream();
        }
    }

    @Test
    void shouldFindTheBundles() throws IOException {
        assertThat(bundles()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void shouldListExactlyTheKeysOfTheBundleInTheEnum(Path bundle) throws Exception {
        // given
        Properties texts = load(bundle);

        // when
        Set<String> constants = Arrays.stream(keysOf(bundle).getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));

        // then
        assertThat(constants).isEqualTo(new TreeSet<>(texts.stringPropertyNames()));
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void shouldFormatEveryMessage(Path bundle) throws Exception {
        for (Enum<?> key : keysOf(bundle).getEnumConstants()) {
            // when
            String text = Localization.format(key, "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");

            // then
            assertThat(text).as(key.name()).isNotBlank().doesNotContain("{", "}");
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void shouldDoubleEveryLiteralApostrophe(Path bundle) throws IOException {
        // given
        Properties texts = load(bundle);

        // then: MessageFormat drops a single apostrophe and quotes what follows it
        assertThat(texts.stringPropertyNames())
                .allSatisfy(key -> assertThat(texts.getProperty(key).replace("''", ""))
                        .as(key)
                        .doesNotContain("'"));
    }

    @Test
    void shouldFailLoudlyForAPackageWithoutMessages() {
        assertThatThrownBy(() -> Localization.format(NoBundle.ANYTHING))
                .isInstanceOf(MissingResourceException.class)
                .hasMessageContaining("NoBundle");
    }

    private enum NoBundle {
        ANYTHING
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Enum<?>> keysOf(Path bundle) throws ClassNotFoundException {
        String folder = RESOURCES.relativize(bundle.getParent()).toString();
        Class<?> keys = Class.forName(folder.replace(bundle.getFileSystem().getSeparator(), ".") + ".Messages");
        assertThat(keys.isEnum()).as("%s is an enum", keys).isTrue();
        return (Class<? extends Enum<?>>) keys;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
