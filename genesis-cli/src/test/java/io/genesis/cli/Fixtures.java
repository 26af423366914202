package io.genesis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Copies the real tool reports (from genesis-core's test jar) into a workspace. */
final class Fixtures {

    static final String[] SUREFIRE = {
        "surefire/TEST-com.example.shop.CalculatorTest.xml",
        "surefire/TEST-com.example.shop.CheckoutCriticalTest.xml",
        "surefire/TEST-com.example.shop.SmokeTest.xml",
        "surefire/TEST-com.example.shop.TextUtilsTest.xml"
    };

    static final String JACOCO = "jacoco/jacoco.xml";

    private Fixtures() {}

    /** Copies {@code reports/<name>} to {@code workspace/<target>/<file name>}. */
    static void copy(Path workspace, String target, String... names) throws IOException {
        Path dir = Files.createDirectories(workspace.resolve(target));
        for (String name : names) {
            try (InputStream in = Objects.requireNonNull(
                    Fixtures.class.getClassLoader().getResourceAsStream("reports/" + name), name)) {
                Files.copy(in, dir.resolve(Path.of(name).getFileName().toString()));
            }
        }
    }

    /** A Maven project's reports: Surefire's four files and JaCoCo's XML, where Maven writes them. */
    static Path mavenBuild(Path workspace) throws IOException {
        copy(workspace, "target/surefire-reports", SUREFIRE);
        copy(workspace, "target/site/jacoco", JACOCO);
        return workspace;
    }
}
