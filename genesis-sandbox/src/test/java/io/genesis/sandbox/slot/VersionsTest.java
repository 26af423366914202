package io.genesis.sandbox.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "dev-1a2b3c4", "2.0.0-rc.1+build.7", "v1"})
    void shouldAcceptVersions(String version) {
        assertThat(Versions.require(version)).isEqualTo(version);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-rf", "1.0; rm -rf /", "1.0 2", "$(id)", ".hidden"})
    void shouldRejectAnythingThatCouldBeReadAsShellOrOptions(String version) {
        assertThatThrownBy(() -> Versions.require(version))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version must start with a letter or digit");
    }
}
