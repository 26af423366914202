package io.genesis.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRuleTest {

    private static final String COMMIT = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";

    @ParameterizedTest
    @CsvSource({
        "release-(\\d+\\.\\d+), release-4.2, 4.2",
        "release-(\\d+\\.\\d+), v4.2.0, dev-1a2b3c4",
        "release-(\\d+\\.\\d+), release-4.2.1, dev-1a2b3c4",
        "(?:app|svc)/v(.+), svc/v7.0.0-rc.1, 7.0.0-rc.1",
    })
    void shouldTakeTheVersionFromTheGroupOfAConfiguredPattern(String pattern, String tag, String expected) {
        assertThat(VersionRule.parse(pattern).resolve(SourceRef.tag(tag), COMMIT))
                .isEqualTo(new Version(expected));
    }

    @Test
    void shouldBeTheRuleVersionOfApplies() {
        assertThat(VersionRule.DEFAULT.resolve(SourceRef.tag("v1.2.3"), COMMIT)).isEqualTo(new Version("1.2.3"));
        assertThat(VersionRule.DEFAULT.resolve(SourceRef.branch("v1.2.3"), COMMIT))
                .isEqualTo(new Version("dev-1a2b3c4"));
        assertThat(Version.of(SourceRef.tag("v1.2.3"), COMMIT))
                .isEqualTo(VersionRule.DEFAULT.resolve(SourceRef.tag("v1.2.3"), COMMIT));
    }

    @Test
    void shouldPickTheFirstReleaseAmongTheTagsOfACommit() {
        assertThat(VersionRule.DEFAULT.resolve(List.of("nightly", "v2.0.0", "v1.9.0"), COMMIT))
                .isEqualTo(new Version("2.0.0"));
        assertThat(VersionRule.DEFAULT.resolve(List.of("nightly"), COMMIT)).isEqualTo(new Version("dev-1a2b3c4"));
        assertThat(VersionRule.DEFAULT.resolve(List.of(), COMMIT)).isEqualTo(new Version("dev-1a2b3c4"));
    }

    @Test
    void shouldSayWhatIsWrongWithAPattern() {
        assertThatThrownBy(() -> VersionRule.parse("v\\d+"))
                .hasMessageContaining("the version pattern 'v\\d+' has 0 capturing groups; it needs exactly one");
        assertThatThrownBy(() -> VersionRule.parse("(v)(\\d+)"))
                .hasMessageContaining("has 2 capturing groups")
                .hasMessageContaining("(?:...)");
        assertThatThrownBy(() -> VersionRule.parse("v(")).hasMessageContaining("'v(' is not a regular expression");
        assertThatThrownBy(() -> VersionRule.parse(" ")).hasMessageContaining("the version pattern is empty");
        assertThatThrownBy(() -> VersionRule.parse("r/(.*)").resolve(SourceRef.tag("r/has space"), COMMIT))
                .hasMessageContaining("tag 'r/has space' matches the version pattern 'r/(.*)' but gives 'has space'")
                .hasMessageContaining("narrow the pattern's group");
    }

    @Test
    void shouldBeEqualByPattern() {
        assertThat(VersionRule.parse("v(.+)"))
                .isEqualTo(VersionRule.parse("v(.+)"))
                .hasSameHashCodeAs(VersionRule.parse("v(.+)"));
        assertThat(VersionRule.parse("v(.+)")).isNotEqualTo(VersionRule.DEFAULT);
        assertThat(VersionRule.DEFAULT.pattern()).isEqualTo(VersionRule.DEFAULT_PATTERN);
        assertThat(VersionRule.DEFAULT.toString()).contains(VersionRule.DEFAULT_PATTERN);
    }
}
