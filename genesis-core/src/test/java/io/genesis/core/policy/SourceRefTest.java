package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceRefTest {

    @Test
    void shouldDescribeEachKind() {
        assertThat(SourceRef.branch("main")).hasToString("branch main");
        assertThat(SourceRef.tag("v1.0.0")).hasToString("tag v1.0.0");
        assertThat(SourceRef.pullRequest("17")).hasToString("pull request 17");
        assertThat(SourceRef.branch("main").kind()).isEqualTo(SourceRef.Kind.BRANCH);
    }

    @ParameterizedTest
    @CsvSource({
        "BRANCH, '', a branch ref needs a name",
        "TAG, ' ', a tag ref needs a name",
        "PULL_REQUEST, '', a pull_request ref needs a name"
    })
    void shouldRequireAName(SourceRef.Kind kind, String name, String expected) {
        assertThatThrownBy(() -> new SourceRef(kind, name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected);
        assertThatThrownBy(() -> new SourceRef(kind, null)).hasMessageContaining("got 'null'");
    }

    @Test
    void shouldRequireAKind() {
        assertThatThrownBy(() -> new SourceRef(null, "main")).isInstanceOf(NullPointerException.class);
    }
}
