package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefPolicyTest {

    private static final RefPolicy PRODUCTION = new RefPolicy(List.of("main", "release/*"), List.of("v*"));

    @ParameterizedTest
    @CsvSource({
        "main, main, true",
        "release/*, release/1.4, true",
        "release/*, release/1.4/hotfix, false",
        "release/**, release/1.4/hotfix, true",
        "v*, v1.2.3, true",
        "v?.?, v1.2, true",
        "v?.?, v1.23, false",
        "feature-*, feature-a.b, true",
        "a.b, aXb, false"
    })
    void shouldMatchGlobs(String pattern, String name, boolean expected) {
        assertThat(RefPolicy.matches(pattern, name)).isEqualTo(expected);
    }

    @Test
    void shouldAllowConfiguredBranchesAndTags() {
        assertThat(PRODUCTION.allows(SourceRef.branch("main"))).isTrue();
        assertThat(PRODUCTION.allows(SourceRef.branch("release/2.0"))).isTrue();
        assertThat(PRODUCTION.allows(SourceRef.tag("v2.0.0"))).isTrue();
        assertThat(PRODUCTION.refusal(SourceRef.branch("main"))).isEmpty();
    }

    @Test
    void shouldSayWhyARefMayNotDeploy() {
        assertThat(PRODUCTION.refusal(SourceRef.branch("feature/x")))
                .isEqualTo("branch feature/x may not deploy here; allowed branches: main, release/*");
        assertThat(PRODUCTION.refusal(SourceRef.tag("nightly")))
                .isEqualTo("tag nightly may not deploy here; allowed tags: v*");
        assertThat(new RefPolicy(List.of("main"), List.of()).refusal(SourceRef.tag("v1")))
                .isEqualTo("tag v1 may not deploy here; allowed tags: none");
    }

    @Test
    void shouldNeverLetAPullRequestDeploy() {
        RefPolicy everything = new RefPolicy(List.of("**"), List.of("**"));

        assertThat(everything.allows(SourceRef.pullRequest("42"))).isFalse();
        assertThat(everything.refusal(SourceRef.pullRequest("42")))
                .isEqualTo("pull request 42 may not deploy: pull-request builds never deploy");
    }

    @Test
    void shouldRefuseBlankPatterns() {
        assertThatThrownBy(() -> new RefPolicy(List.of(" "), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allowed branch patterns must not be blank");
        assertThatThrownBy(() -> new RefPolicy(List.of(), List.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allowed tag patterns must not be blank");
        assertThatThrownBy(() -> PRODUCTION.refusal(null)).isInstanceOf(NullPointerException.class);
    }
}
