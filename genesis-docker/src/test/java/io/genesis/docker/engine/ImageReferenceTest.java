package io.genesis.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "shop:1.4.0, docker.io, shop, 1.4.0",
        "shop, docker.io, shop, latest",
        "library/shop:2, docker.io, library/shop, 2",
        "127.0.0.1:5000/shop:1.4.0, 127.0.0.1:5000, 127.0.0.1:5000/shop, 1.4.0",
        "127.0.0.1:5000/shop, 127.0.0.1:5000, 127.0.0.1:5000/shop, latest",
        "Registry.Example.com/team/shop:1, registry.example.com, Registry.Example.com/team/shop, 1",
        "localhost/shop:1, localhost, localhost/shop, 1",
        "reg.example.com/shop@sha256:0123abcd, reg.example.com, reg.example.com/shop, sha256:0123abcd",
    })
    void shouldSplitAReferenceAsTheDockerCommandDoes(
            String reference, String registry, String repository, String tagOrDigest) {
        assertThat(ImageReference.parse(reference)).isEqualTo(new ImageReference(registry, repository, tagOrDigest));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "shop:", "/shop", "shop/", "a b:1", "shop:1?x=y", "../shop"})
    void shouldRefuseWhatIsNoReference(String reference) {
        assertThatThrownBy(() -> ImageReference.parse(reference))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an image reference")
                .hasMessageContaining("registry.example.com/shop:1.4.0");
    }
}
