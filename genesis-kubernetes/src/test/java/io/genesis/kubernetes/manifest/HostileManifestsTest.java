package io.genesis.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A manifest in every hostile shape: a clear error naming the file (and the line where the content is at
 * fault), never a crash and never a pass; nothing is written. The table is in docs/reliability.md.
 */
class HostileManifestsTest {

    private static final String VALID = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shop-config
            data:
              mode: production
            """;

    @TempDir
    Path folder;

    private final ManifestApplier applier = new ManifestApplier(
            (object, namespace, dryRun) -> {
                throw new AssertionError("a hostile manifest must never reach the cluster");
            },
            "shop",
            event -> {});

    enum Shape {
        EMPTY,
        TRUNCATED,
        BAD_UTF8,
        DEEP_NESTING,
        HUGE_STRING,
        NUMBER_AS_STRING,
        WRONG_TYPE,
        NUL_BYTE,
        SYMLINK_LOOP
    }

    @Test
    void shouldLoadTheValidSample() throws Exception {
        Files.writeString(folder.resolve("config.yaml"), VALID);

        assertThat(applier.load(folder, ImageSubstitution.of("reg/shop:1"))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void shouldNameTheFileAndWhereForEveryHostileShape(Shape shape) throws Exception {
        Path file = folder.resolve("config.yaml");
        if (shape == Shape.SYMLINK_LOOP) {
            Files.createSymbolicLink(file, file.getFileName());
        } else {
            Files.write(file, hostile(shape));
        }

        assertThatThrownBy(() -> applier.load(folder, ImageSubstitution.of("reg/shop:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .contains("config.yaml")
                .doesNotContain("An error has occurred")
                .doesNotContain("\tat ")
                .satisfies(message -> {
                    if (shape != Shape.EMPTY && shape != Shape.SYMLINK_LOOP && shape != Shape.HUGE_STRING) {
                        assertThat(message).containsPattern("line \\d+");
                    }
                });
    }

    private static byte[] hostile(Shape shape) {
        int inValue = VALID.indexOf("production");
        return switch (shape) {
            case EMPTY -> new byte[0];
            case TRUNCATED -> VALID.substring(0, VALID.indexOf("name:") + 3).getBytes(StandardCharsets.UTF_8);
            case BAD_UTF8 -> splice(inValue, new byte[] {(byte) 0xC3, (byte) 0x28});
            case DEEP_NESTING ->
                (VALID + "  deep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n").getBytes(StandardCharsets.UTF_8);
            case HUGE_STRING -> splice(inValue, "x".repeat(21_000_000).getBytes(StandardCharsets.UTF_8));
            case NUMBER_AS_STRING ->
                VALID.replace("kind: ConfigMap", "kind: ConfigMap\nimmutable: \"yes\"")
                        .getBytes(StandardCharsets.UTF_8);
            case WRONG_TYPE ->
                VALID.replace("mode: production", "mode: [production]").getBytes(StandardCharsets.UTF_8);
            case NUL_BYTE -> splice(inValue, new byte[] {0});
            case SYMLINK_LOOP -> throw new IllegalArgumentException("a link, not content");
        };
    }

    private static byte[] splice(int at, byte[] inserted) {
        byte[] into = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] result = new byte[into.length + inserted.length];
        System.arraycopy(into, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(into, at, result, at + inserted.length, into.length - at);
        return result;
    }
}
