package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFinderTest {

    @TempDir
    Path workspace;

    @TempDir
    Path outside;

    @Test
    void shouldFindMatchingFilesSortedByPath() throws IOException {
        touch("target/surefire-reports/TEST-B.xml");
        touch("target/surefire-reports/TEST-A.xml");
        touch("target/surefire-reports/TEST-A.txt");
        touch("target/surefire-reports/old/TEST-C.xml");
        ReportFinder finder = new ReportFinder(workspace);

        ReportFinder.Found found = finder.find(ReportGlob.of("target/surefire-reports/*.xml"));

        assertThat(found.problems()).isEmpty();
        assertThat(found.files().stream().map(finder::display))
                .containsExactly("target/surefire-reports/TEST-A.xml", "target/surefire-reports/TEST-B.xml");
    }

    @Test
    void shouldFindFilesAtAnyDepthWithADoubleStar() throws IOException {
        touch("jacoco.xml");
        touch("a/target/site/jacoco/jacoco.xml");
        ReportFinder finder = new ReportFinder(workspace);

        ReportFinder.Found found = finder.find(ReportGlob.of("**/jacoco.xml"));

        assertThat(found.files().stream().map(finder::display))
                .containsExactly("a/target/site/jacoco/jacoco.xml", "jacoco.xml");
    }

    @Test
    void shouldFindALiteralPath() throws IOException {
        touch("target/site/jacoco/jacoco.xml");
        ReportFinder finder = new ReportFinder(workspace);

        assertThat(finder.find(ReportGlob.of("target/site/jacoco/jacoco.xml")).files())
                .singleElement()
                .satisfies(file -> assertThat(finder.display(file)).isEqualTo("target/site/jacoco/jacoco.xml"));
    }

    @Test
    void shouldSayWhichPatternMatchedNothingAndWhere() {
        ReportFinder.Found found = new ReportFinder(workspace).find(ReportGlob.of("target/surefire-reports/*.xml"));

        assertThat(found.files()).isEmpty();
        assertThat(found.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("no files matched target/surefire-reports/*.xml under " + workspace.toRealPath()));
    }

    @Test
    void shouldSayWhenTheWorkspaceDoesNotExist() {
        ReportFinder.Found found = new ReportFinder(workspace.resolve("missing")).find(ReportGlob.of("*.xml"));

        assertThat(found.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("does not exist or is not a directory"));
    }

    @Test
    void shouldSayWhenALiteralPatternIsADirectory() throws IOException {
        Files.createDirectories(workspace.resolve("target/surefire-reports"));

        ReportFinder.Found found = new ReportFinder(workspace).find(ReportGlob.of("target/surefire-reports"));

        assertThat(found.problems())
                .singleElement()
                .satisfies(p ->
                        assertThat(p.message()).contains("is a directory").contains("target/surefire-reports/*.xml"));
    }

    @Test
    void shouldNotReadAFileLinkedFromOutsideTheWorkspace() throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.xml"), "<testsuite/>");
        Files.createDirectories(workspace.resolve("reports"));
        link(workspace.resolve("reports/TEST-leak.xml"), secret);
        touch("reports/TEST-ok.xml");
        ReportFinder finder = new ReportFinder(workspace);

        ReportFinder.Found found = finder.find(ReportGlob.of("reports/*.xml"));

        assertThat(found.files().stream().map(finder::display)).containsExactly("reports/TEST-ok.xml");
        assertThat(found.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("reports/TEST-leak.xml leads outside"));
    }

    @Test
    void shouldNotFollowADirectoryLinkedFromOutsideTheWorkspace() throws IOException {
        Files.writeString(outside.resolve("TEST-outside.xml"), "<testsuite/>");
        link(workspace.resolve("linked"), outside);
        ReportFinder finder = new ReportFinder(workspace);

        assertThat(finder.find(ReportGlob.of("**/*.xml")).files()).isEmpty();
        assertThat(finder.find(ReportGlob.of("linked/TEST-outside.xml")).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("leads outside"));
    }

    @Test
    void shouldReadAFileLinkedFromInsideTheWorkspace() throws IOException {
        Path real = touch("real/TEST-A.xml");
        Files.createDirectories(workspace.resolve("reports"));
        link(workspace.resolve("reports/TEST-A.xml"), real);
        ReportFinder finder = new ReportFinder(workspace);

        assertThat(finder.find(ReportGlob.of("reports/*.xml")).files()).hasSize(1);
    }

    @Test
    void shouldShowFilesOutsideTheWorkspaceByTheirFullPath() throws IOException {
        ReportFinder finder = new ReportFinder(workspace);

        assertThat(finder.display(outside.resolve("x.xml")))
                .isEqualTo(outside.resolve("x.xml").toAbsolutePath().toString());
        assertThat(finder.base()).isEqualTo(workspace.toRealPath());
    }

    private Path touch(String relative) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "<testsuite/>");
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "this file system cannot make symbolic links");
        }
    }
}
