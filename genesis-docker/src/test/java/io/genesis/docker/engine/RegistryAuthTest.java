package io.genesis.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryAuthTest {

    @TempDir
    Path home;

    private static final String SECRET = "s3cret-Passw0rd";

    @Test
    void shouldTurnTheDockerLoginOfARegistryIntoTheEngineHeader() throws IOException {
        String basic = Base64.getEncoder().encodeToString(("ci:" + SECRET).getBytes(StandardCharsets.UTF_8));
        write(
                home.resolve(".docker"),
                "{\"auths\": {\"127.0.0.1:5000\": {\"auth\": \"" + basic + "\"},"
                        + " \"https://index.docker.io/v1/\": {\"username\": \"hubber\", \"password\": \"hub-pw\"},"
                        + " \"https://ghcr.io\": {\"identitytoken\": \"tok\"}}}");
        RegistryAuth auth = RegistryAuth.fromEnvironment(Map.of(), home);

        JsonNode local = decode(auth.header("127.0.0.1:5000").orElseThrow());
        JsonNode hub = decode(auth.header(ImageReference.DOCKER_HUB).orElseThrow());
        JsonNode ghcr = decode(auth.header("ghcr.io").orElseThrow());

        assertThat(local.path("username").asText()).isEqualTo("ci");
        assertThat(local.path("password").asText()).isEqualTo(SECRET);
        assertThat(local.path("serveraddress").asText()).isEqualTo("127.0.0.1:5000");
        assertThat(hub.path("username").asText()).isEqualTo("hubber");
        assertThat(hub.path("serveraddress").asText()).isEqualTo("https://index.docker.io/v1/");
        assertThat(ghcr.path("identitytoken").asText()).isEqualTo("tok");
        assertThat(auth.header("other.example.com")).isEmpty();
        assertThat(auth.describe("127.0.0.1:5000"))
                .isEqualTo("credentials for 127.0.0.1:5000 from " + auth.file() + " were sent")
                .doesNotContain(SECRET);
        assertThat(auth.describe("other.example.com")).contains("no credentials for other.example.com were sent");
    }

    @Test
    void shouldReadTheFolderDockerConfigNames() throws IOException {
        Path folder = home.resolve("ci-docker");
        write(folder, "{\"auths\": {\"127.0.0.1:5000\": {\"username\": \"ci\", \"password\": \"pw\"}}}");

        RegistryAuth auth = RegistryAuth.fromEnvironment(Map.of("DOCKER_CONFIG", folder.toString()), home);

        assertThat(auth.file()).isEqualTo(folder.resolve("config.json"));
        assertThat(auth.header("127.0.0.1:5000")).isPresent();
        assertThat(RegistryAuth.fromEnvironment(Map.of(), home).header("127.0.0.1:5000"))
                .isEmpty();
    }

    @Test
    void shouldSayWhenCredentialsLiveInAHelperItDoesNotRun() throws IOException {
        write(home.resolve(".docker"), "{\"auths\": {}, \"credsStore\": \"pass\"}");

        RegistryAuth auth = RegistryAuth.fromEnvironment(Map.of(), home);

        assertThat(auth.header("127.0.0.1:5000")).isEmpty();
        assertThat(auth.describe("127.0.0.1:5000"))
                .contains("keeps them in a credential helper, which Genesis does not run");
    }

    @Test
    void shouldNameABrokenFileButNeverQuoteIt() throws IOException {
        write(home.resolve(".docker"), "{\"auths\": {\"127.0.0.1:5000\": {\"password\": \"" + SECRET + "\" ");
        RegistryAuth broken = RegistryAuth.fromEnvironment(Map.of(), home);

        assertThatThrownBy(() -> broken.header("127.0.0.1:5000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(broken.file() + " is not readable JSON")
                .hasMessageNotContaining(SECRET);

        write(home.resolve(".docker"), "{\"auths\": {\"127.0.0.1:5000\": {\"auth\": \"bm8tY29sb24=\"}}}");
        assertThatThrownBy(() -> RegistryAuth.fromEnvironment(Map.of(), home).header("127.0.0.1:5000"))
                .hasMessageContaining("auths.127.0.0.1:5000.auth is not base64 of user:password")
                .hasMessageContaining("docker login 127.0.0.1:5000");
    }

    private static void write(Path folder, String json) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), json);
    }

    private static JsonNode decode(String header) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(header));
    }
}
