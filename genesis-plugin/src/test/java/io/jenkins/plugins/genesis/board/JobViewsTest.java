package io.jenkins.plugins.genesis.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobViewsTest {

    @ParameterizedTest
    @CsvSource({"3, 3", "' 2 ', 2", "0, 1", "-4, 1", "x, 1", "'', 1", "9999999999, 1", "999999999, 999999999"})
    void shouldReadAPageNumberOrFallBackToTheFirst(String parameter, int page) {
        assertThat(JobViews.pageNumber(parameter)).isEqualTo(page);
    }
}
