package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code genesis} launcher, run by bash in a copy of a tiny checkout whose {@code mvnw}
 * and {@code java} only write down that they were called.
 */
class LauncherTest {

    @TempDir
    Path checkout;

    private Path source;

    @BeforeEach
    void copyTheLauncherIntoAFakeCheckout() throws IOException {
        Path launcher = Path.of("..", "genesis").toAbsolutePath().normalize();
        Files.copy(launcher, checkout.resolve("genesis"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        source = checkout.resolve("genesis-core/src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}");
        executable(
                "mvnw",
                "mkdir -p \"$(dirname \"$0\")/genesis-cli/target\"\n"
                        + "touch \"$(dirname \"$0\")/genesis-cli/target/genesis.jar\"\n"
                        + "echo built >> \"$(dirname \"$0\")/builds.log\"\n");
        executable("bin/java", "echo \"$@\" >> \"$(dirname \"$0\")/../java.log\"\n");
    }

    private void executable(String name, String body) throws IOException {
        Path file = checkout.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private void genesis(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                concat(List.of("bash", checkout.resolve("genesis").toString()), args));
        builder.environment().put("PATH", checkout.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static List<String> concat(List<String> first, String... more) {
        return List.of(CommandLines.concat(first, more));
    }

    private long builds() throws IOException {
        Path log = checkout.resolve("builds.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    @Test
    void shouldRebuildWhenTheSourcesChangeNotWhenTheirDatesDo() throws Exception {
        genesis(Map.of(), "--version");
        assertThat(builds()).as("the first run builds").isEqualTo(1);

        genesis(Map.of(), "--version");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(3600)));
        genesis(Map.of(), "--version");
        assertThat(builds())
                .as("the same content with a newer date (a copy, a checkout) builds nothing")
                .isEqualTo(1);

        Files.writeString(source, "class A { int changed; }");
        genesis(Map.of(), "--version");
        assertThat(builds()).as("changed content builds again").isEqualTo(2);
    }

    @Test
    void shouldPassJavaOptsToJava() throws Exception {
        genesis(Map.of("JAVA_OPTS", "-Xmx256m -Dgenesis.test=1"), "status");
        genesis(Map.of("JAVA_OPTS", "-Xmx128m"), "gate", "--help");

        assertThat(Files.readAllLines(checkout.resolve("java.log")))
                .containsExactly(
                        "-Xmx256m -Dgenesis.test=1 -jar " + checkout.resolve("genesis-cli/target/genesis.jar")
                                + " status",
                        "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx128m -jar "
                                + checkout.resolve("genesis-cli/target/genesis.jar") + " gate --help");
    }
}
