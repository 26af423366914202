package io.jenkins.plugins.genesis.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildLinksTest {

    @ParameterizedTest
    @CsvSource({
        "shop#12, job/shop/12/",
        "shop/main#3, job/shop/job/main/3/",
        "shop/feature%2Fx#4, job/shop/job/feature%252Fx/4/",
        "'my shop/a b#1', job/my%20shop/job/a%20b/1/",
        "shop/(x)!#1, job/shop/job/(x)!/1/",
        "shop/ü~#1, job/shop/job/%C3%BC%7E/1/",
        "'', ''",
        "ci-run-7, ''",
        "shop#, ''",
        "shop#x1, ''"
    })
    void shouldAddressABuildAsJenkinsDoes(String build, String url) {
        assertThat(BuildLinks.urlOf(build)).isEqualTo(url);
    }
}
