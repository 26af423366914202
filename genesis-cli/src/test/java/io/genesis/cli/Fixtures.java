package io.genesis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** The gate's options that read the reports where Maven writes them, as {@link #mavenBuild} does. */
    static final List<String> MAVEN_REPORTS =
            List.of("--tests", "target/surefire-reports/*.xml", "--coverage", "target/site/jacoco/jacoco.xml");

    /** The gate's options for {@code environment} on {@link #MAVEN_REPORTS}, then {@code more}. */
    static String[] gateOnMavenReports(String environment, String... more) {
        List<String> options = new ArrayList<>(List.of("--environment", environment));
        options.addAll(MAVEN_REPORTS);
        options.addAll(List.of(more));
        return options.toArray(String[]::new);
    }

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
