package io.genesis.docker.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerSettingsTest {

    private static final Path HOME = Path.of("/srv/ci");

    private static Map<String, String> with(String... pairs) {
        Map<String, String> settings = new HashMap<>(Map.of("image", "shop:1.4.0", "proxyPort", "8080"));
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    @Test
    void shouldFillTheDefaultsAndKeepThemWhenStored() {
        DockerSettings settings = DockerSettings.from(with(), Map.of("DOCKER_HOST", "unix:///tmp/d.sock"), HOME);

        assertThat(settings.host().toString()).isEqualTo("unix:///tmp/d.sock");
        assertThat(settings.replicas()).isEqualTo(1);
        assertThat(settings.proxyDir()).isEqualTo(Path.of("/srv/ci/.genesis/docker"));
        assertThat(settings.healthPath()).isEqualTo("/health");
        assertThat(settings.portVariable()).isEqualTo("PORT");
        assertThat(settings.stopGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(DockerSettings.from(settings.toMap(), Map.of(), Path.of("/elsewhere")))
                .isEqualTo(settings);
    }

    @Test
    void shouldNameTheSettingTheBadValueAndTheFix() {
        assertThatThrownBy(() -> DockerSettings.from(with("replica", "2"), Map.of(), HOME))
                .hasMessageStartingWith("unknown docker target setting 'replica'; known: healthPath (");
        assertThatThrownBy(() -> DockerSettings.from(with("replicas", "0"), Map.of(), HOME))
                .hasMessage("docker target setting replicas must be a whole number from 1 to 16; got '0'");
        assertThatThrownBy(() -> DockerSettings.from(with("image", ""), Map.of(), HOME))
                .hasMessageContaining("image is required");
        assertThatThrownBy(() -> DockerSettings.from(Map.of("image", "shop:1"), Map.of(), HOME))
                .hasMessageContaining("proxyPort is required");
        assertThatThrownBy(() -> DockerSettings.from(with("healthPath", "health"), Map.of(), HOME))
                .hasMessageContaining("starting with '/'");
        assertThatThrownBy(() -> DockerSettings.from(with("portVariable", "1X"), Map.of(), HOME))
                .hasMessageContaining("environment variable name");
        assertThatThrownBy(() -> DockerSettings.from(with("host", "npipe://x"), Map.of(), HOME))
                .hasMessageContaining("not supported");
    }
}
