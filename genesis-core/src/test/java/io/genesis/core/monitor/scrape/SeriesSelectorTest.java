package io.genesis.core.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesSelectorTest {

    @Test
    void shouldMatchEveryOperatorAsPromQlDoes() {
        SeriesSelector selector = SeriesSelector.parse(
                "errors", "http_requests_total{job=\"shop\", code=~\"5..\", method!=\"GET\", path!~\"/health.*\"}");

        assertThat(selector.matches("http_requests_total", Map.of("job", "shop", "code", "503", "path", "/buy")))
                .isTrue();
        assertThat(selector.matches("http_requests_total", Map.of("job", "shop", "code", "5031")))
                .isFalse();
        assertThat(selector.matches("http_requests_total", Map.of("job", "shop", "code", "500", "method", "GET")))
                .isFalse();
        assertThat(selector.matches("http_requests_total", Map.of("job", "shop", "code", "500", "path", "/healthz")))
                .isFalse();
        assertThat(selector.matches("other_total", Map.of("job", "shop", "code", "500")))
                .isFalse();
    }

    @Test
    void shouldTakeAnAbsentLabelAsEmpty() {
        assertThat(SeriesSelector.parse("s", "a{x=\"\"}").matches("a", Map.of()))
                .isTrue();
        assertThat(SeriesSelector.parse("s", "a{x!=\"\"}").matches("a", Map.of()))
                .isFalse();
    }

    @Test
    void shouldNameTheSettingAndTheProblem() {
        assertThatThrownBy(() -> SeriesSelector.parse("scrape setting 'errors'", "{code=\"500\"}"))
                .hasMessageContaining("scrape setting 'errors' '{code=\"500\"}' is not a series selector: it must start"
                        + " with a metric name");
        assertThatThrownBy(() -> SeriesSelector.parse("s", "a{code=~\"(\"}")).hasMessageContaining("does not compile");
        assertThatThrownBy(() -> SeriesSelector.parse("s", "a{code=\"500\"")).hasMessageContaining("must end with '}'");
        assertThatThrownBy(() -> SeriesSelector.parse("s", "a{code 500}"))
                .hasMessageContaining("needs =, !=, =~ or !~");
    }
}
