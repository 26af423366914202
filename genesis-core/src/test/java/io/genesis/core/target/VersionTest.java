package io.genesis.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.time.TimeJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTest {

    private static final String SHA = "1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "TAG, v1.2.3, 1.2.3",
        "TAG, v10.0.12, 10.0.12",
        "TAG, v1.2.3-rc.1, 1.2.3-rc.1",
        "TAG, v1.2.3+build.7, 1.2.3+build.7",
        "TAG, 1.2.3, dev-1a2b3c4",
        "TAG, v1.2, dev-1a2b3c4",
        "TAG, release-5, dev-1a2b3c4",
        "BRANCH, main, dev-1a2b3c4",
        "BRANCH, v1.2.3, dev-1a2b3c4",
        "PULL_REQUEST, 42, dev-1a2b3c4",
    })
    void shouldTurnReleaseTagsIntoVersionsAndEverythingElseIntoDevBuilds(
            SourceRef.Kind kind, String ref, String version) {
        Version derived = Version.of(new SourceRef(kind, ref), SHA);

        assertThat(derived.value()).isEqualTo(version);
        assertThat(derived.release()).isEqualTo(!version.startsWith("dev-"));
        assertThat(derived).hasToString(version);
    }

    @ParameterizedTest
    @CsvSource({"abc", "xyz1234", "''", "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d1a2b3c4d5e6f708192a3b4c5d6e7f80"})
    void shouldRefuseWhatIsNotACommit(String commit) {
        assertThatThrownBy(() -> Version.of(SourceRef.branch("main"), commit))
                .hasMessage("commit '" + commit + "' is not a commit id: expected 7 to 64 hexadecimal characters");
    }

    @Test
    void shouldRefuseVersionsThatCannotBeNamesAndStoreAsPlainText() throws Exception {
        assertThatThrownBy(() -> new Version("-1")).hasMessageStartingWith("version '-1' is not valid");
        assertThatThrownBy(() -> new Version(null)).hasMessageStartingWith("version 'null' is not valid");
        ObjectMapper json = TimeJson.mapper();
        assertThat(json.writeValueAsString(new Version("1.2.3"))).isEqualTo("\"1.2.3\"");
        assertThat(json.readValue("\"1.2.3\"", Version.class)).isEqualTo(new Version("1.2.3"));
        assertThat(Version.requireCommit(" ABCDEF0 ")).isEqualTo("abcdef0");
    }
}
