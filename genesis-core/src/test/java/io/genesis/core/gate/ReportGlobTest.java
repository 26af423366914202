package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportGlobTest {

    @ParameterizedTest
    @CsvSource({
        "target/surefire-reports/*.xml, target/surefire-reports/TEST-A.xml, true",
        "target/surefire-reports/*.xml, target/surefire-reports/sub/TEST-A.xml, false",
        "target/surefire-reports/*.xml, target/failsafe-reports/TEST-A.xml, false",
        "**/jacoco.xml, jacoco.xml, true",
        "**/jacoco.xml, a/b/site/jacoco/jacoco.xml, true",
        "**/jacoco.xml, a/b/jacoco.xml.bak, false",
        "**/TEST-*.xml, m1/target/surefire-reports/TEST-x.y.Z.xml, true",
        "build/**, build/test-results/test/TEST-A.xml, true",
        "**/test-results/**/*.xml, build/test-results/test/TEST-A.xml, true",
        "report?.xml, report1.xml, true",
        "report?.xml, report12.xml, false",
        "./reports/a.xml, reports/a.xml, true",
        "reports\\a.xml, reports/a.xml, true",
        "a**b.xml, aXYZb.xml, true",
        "a**b.xml, a/b.xml, false",
        "a[1].xml, a[1].xml, true",
        "a.xml, aXxml, false"
    })
    void shouldMatchLikeAntPatterns(String pattern, String path, boolean expected) {
        assertThat(ReportGlob.of(pattern).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "/etc/passwd, is absolute",
        "C:\\reports\\a.xml, is absolute",
        "../other/*.xml, contains '..'",
        "target/../../x.xml, contains '..'",
        "'  ', must not be blank",
        "./, names no file"
    })
    void shouldRefusePatternsThatCouldLeaveTheWorkspace(String pattern, String expected) {
        assertThatThrownBy(() -> ReportGlob.of(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void shouldSplitACommaSeparatedList() {
        assertThat(ReportGlob.list("a/*.xml, b/*.xml,,").stream().map(ReportGlob::pattern))
                .containsExactly("a/*.xml", "b/*.xml");
        assertThatThrownBy(() -> ReportGlob.list(" , "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no report pattern");
    }

    @ParameterizedTest
    @CsvSource({
        "target/surefire-reports/*.xml, target/surefire-reports, 1, false",
        "target/site/jacoco/jacoco.xml, target/site/jacoco, 1, true",
        "**/jacoco.xml, '', 2147483647, false",
        "m/**/TEST-*.xml, m, 2147483647, false"
    })
    void shouldStartTheSearchBelowItsFixedDirectories(String pattern, String prefix, int depth, boolean literal) {
        ReportGlob glob = ReportGlob.of(pattern);

        assertThat(String.join("/", glob.fixedPrefix())).isEqualTo(prefix);
        assertThat(glob.depthBelowPrefix()).isEqualTo(depth);
        assertThat(glob.isLiteral()).isEqualTo(literal);
    }

    @Test
    void shouldBeEqualWhenItMeansTheSamePaths() {
        assertThat(ReportGlob.of("./a//b/*.xml")).isEqualTo(ReportGlob.of("a/b/*.xml"));
        assertThat(ReportGlob.of("a/*.xml")).hasToString("a/*.xml");
        EqualsVerifier.forClass(ReportGlob.class)
                .withIgnoredFields("pattern", "regex")
                .withPrefabValues(List.class, List.of("a"), List.of("b"))
                .withNonnullFields("segments")
                .verify();
    }
}
