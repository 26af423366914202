package io.genesis.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageSubstitutionTest {

    @ParameterizedTest
    @CsvSource({
        "shop, shop",
        "shop:1.0, shop",
        "reg.example/team/shop:1.0, reg.example/team/shop",
        "registry:5000/shop, registry:5000/shop",
        "registry:5000/shop:1.0, registry:5000/shop",
        "shop@sha256:abc, shop",
        "reg/shop:1.0@sha256:abc, reg/shop"
    })
    void shouldFindTheRepositoryOfAnImage(String image, String repository) {
        assertThat(ImageSubstitution.repository(image)).isEqualTo(repository);
    }

    @Test
    void shouldReplaceImagesOfTheSameRepositoryOnly() {
        ImageSubstitution images = ImageSubstitution.of("reg/shop:2.0", "reg/cart@sha256:ff");

        assertThat(images.substitute("reg/shop:1.0")).isEqualTo("reg/shop:2.0");
        assertThat(images.substitute("reg/cart:latest")).isEqualTo("reg/cart@sha256:ff");
        assertThat(images.substitute("reg/shopping:1.0")).isEqualTo("reg/shopping:1.0");
        assertThat(images.substitute(null)).isNull();
    }

    @Test
    void shouldAskForATagOrDigest() {
        assertThatThrownBy(() -> ImageSubstitution.of("reg/shop")).hasMessageContaining("has no tag or digest");
    }
}
