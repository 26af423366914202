package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * genesis.yaml and a trusted policy file in every hostile shape: a clear error naming the file (and the
 * line where the content is at fault), never a crash and never a pass. The engine's own files and the
 * report readers are in genesis-core's HostileFilesTest; the table is in docs/reliability.md.
 */
class HostileConfigTest {

    private static final String VALID = """
            environments:
              - name: staging
                minPassRate: 95
                minCoverage: 80
                allowedBranches: [main]
              - name: production
                minPassRate: 98.5
                minCoverage: 85
                approvalRequired: true
                approvers: [alice, bob]
            """;

    @TempDir
    Path dir;

    /** The two front doors of the policy that read YAML a person wrote. */
    enum Kind {
        CHECKOUT_CONFIG,
        TRUSTED_POLICY
    }

    enum Shape {
        EMPTY,
        TRUNCATED,
        BAD_UTF8,
        DEEP_NESTING,
        HUGE,
        NUMBER_AS_STRING,
        WRONG_TYPE,
        NUL_BYTE,
        SYMLINK_LOOP
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Kind.values())
                .flatMap(kind -> Arrays.stream(Shape.values()).map(shape -> Arguments.of(kind, shape)));
    }

    @Test
    void shouldReadTheValidSample() throws Exception {
        Path file = dir.resolve("genesis.yaml");
        Files.writeString(file, VALID);

        assertThat(ConfigFile.read(file).environments().names()).isEqualTo("staging, production");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void shouldNameTheFileAndWhereForEveryHostileShape(Kind kind, Shape shape) throws Exception {
        Path file = dir.resolve(kind == Kind.CHECKOUT_CONFIG ? "genesis.yaml" : "policy.yaml");
        if (shape == Shape.SYMLINK_LOOP) {
            Files.createSymbolicLink(file, file.getFileName());
        } else {
            Files.write(file, hostile(shape));
        }

        assertThatThrownBy(() -> read(kind, file))
                .isInstanceOf(ConfigException.class)
                .message()
                .contains(file.getFileName().toString())
                .doesNotContain("Exception", "\tat ")
                .satisfies(message -> {
                    if (shape != Shape.EMPTY && shape != Shape.SYMLINK_LOOP && shape != Shape.HUGE) {
                        assertThat(message).containsPattern("line \\d+");
                    }
                });
    }

    private void read(Kind kind, Path file) throws ConfigException, IOException {
        if (kind == Kind.CHECKOUT_CONFIG) {
            ConfigFile.read(file);
        } else {
            Path checkout = Files.createDirectories(dir.resolve("checkout"));
            PolicyFiles.locate(file, null, checkout, java.util.Map.of(), dir).read();
        }
    }

    private static byte[] hostile(Shape shape) {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        int inValue = VALID.indexOf("alice");
        return switch (shape) {
            case EMPTY -> new byte[0];
            case TRUNCATED ->
                VALID.substring(0, VALID.indexOf("approvers") + 12).getBytes(StandardCharsets.UTF_8);
            case BAD_UTF8 -> splice(valid, inValue, new byte[] {(byte) 0xC3, (byte) 0x28});
            case DEEP_NESTING ->
                ("environments:\n  - name: staging\n    approvers: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
            case HUGE -> splice(valid, inValue, "x".repeat(2 << 20).getBytes(StandardCharsets.UTF_8));
            case NUMBER_AS_STRING ->
                VALID.replace("minPassRate: 95", "minPassRate: \"ninety-five\"").getBytes(StandardCharsets.UTF_8);
            case WRONG_TYPE ->
                VALID.replace("approvers: [alice, bob]", "approvers: {alice: bob}")
                        .getBytes(StandardCharsets.UTF_8);
            case NUL_BYTE -> splice(valid, inValue, new byte[] {0});
            case SYMLINK_LOOP -> throw new IllegalArgumentException("a link, not content");
        };
    }

    private static byte[] splice(byte[] into, int at, byte[] inserted) {
        byte[] result = new byte[into.length + inserted.length];
        System.arraycopy(into, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(into, at, result, at + inserted.length, into.length - at);
        return result;
    }
}
