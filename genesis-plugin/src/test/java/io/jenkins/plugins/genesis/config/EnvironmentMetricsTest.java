package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.sources.MetricsBinder;
import io.genesis.core.policy.EnvironmentBinder;
import io.jenkins.plugins.genesis.metrics.ProbeMetrics;
import io.jenkins.plugins.genesis.metrics.PrometheusMetrics;
import io.jenkins.plugins.genesis.metrics.ScrapeMetrics;
import io.jenkins.plugins.genesis.metrics.SecretHeader;
import io.jenkins.plugins.genesis.metrics.TestsMetrics;
import io.jenkins.plugins.genesis.metrics.WebMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each metric source of the global configuration is read by the engine's binder, with its messages. */
class EnvironmentMetricsTest {

    private static EnvironmentConfig environment(String name, Object metrics) {
        EnvironmentConfig config = new EnvironmentConfig(name);
        config.setMinPassRate(95.0);
        config.setMinCoverage(85.0);
        config.setMetrics((io.jenkins.plugins.genesis.metrics.MetricSourceConfig) metrics);
        return config;
    }

    private static Map<String, MetricSpec> bind(EnvironmentConfig... configs) {
        return MetricsBinder.bind(EnvironmentBinder.bind(EnvironmentTranslation.document(List.of(configs))));
    }

    @Test
    void shouldBindEveryKindThroughTheEngine() {
        ScrapeMetrics scrape = new ScrapeMetrics("http://shop-staging:8080/metrics");
        scrape.setRequests("http_requests_total{job=\"shop\"}");
        scrape.setErrors("http_requests_total{job=\"shop\",code=~\"5..\"}");
        scrape.setLatency("http_request_duration_seconds{job=\"shop\"}");
        WebMetrics web = new WebMetrics("https://api.datadoghq.com/api/v1/query?from=$from&to=$to&query=x");
        web.setErrorRate("/series/0/pointlist/0/1");
        web.setHeaders(List.of(
                new SecretHeader("DD-API-KEY", "datadog-api"), new SecretHeader("DD-APPLICATION-KEY", "datadog-app")));
        PrometheusMetrics prometheus = new PrometheusMetrics("http://prometheus:9090");
        prometheus.setErrorRate("100 * sum(rate(errors[$window])) / sum(rate(requests[$window]))");
        ProbeMetrics probe = new ProbeMetrics("http://shop-qa/healthz");
        probe.setRequests(5);

        Map<String, MetricSpec> sources = bind(
                environment("staging", scrape),
                environment("production", web),
                environment("eu", prometheus),
                environment("qa", probe),
                environment("dev", null));

        assertThat(sources.get("staging").settings()).containsEntry("latencyUnit", "seconds");
        assertThat(sources.get("production").settings())
                .containsEntry("header.DD-API-KEY", "credentials:datadog-api")
                .containsEntry("header.DD-APPLICATION-KEY", "credentials:datadog-app");
        assertThat(sources.get("eu").kind()).isEqualTo("prometheus");
        assertThat(sources.get("qa").settings()).containsEntry("requests", "5");
        assertThat(sources).doesNotContainKey("dev");
    }

    @Test
    void shouldBindSmokeTestReportsAsTheEnginesTestsSource() {
        TestsMetrics tests = new TestsMetrics(" smoke/*.xml ");
        tests.setDirectory("/srv/smoke-results/shop");
        tests.setCommand(" ./smoke.sh ");
        tests.setEvery("10m");
        tests.setTimeout("90s");

        Map<String, MetricSpec> sources = bind(environment("production", tests));

        assertThat(sources.get("production").kind()).isEqualTo("tests");
        assertThat(sources.get("production").settings())
                .containsEntry("reports", "smoke/*.xml")
                .containsEntry("directory", "/srv/smoke-results/shop")
                .containsEntry("command", "./smoke.sh")
                .containsEntry("every", "10 min")
                .containsEntry("timeout", "1 min 30 s");
        assertThat(EnvironmentValidation.checkAll(List.of(environment("staging", new TestsMetrics("/etc/*.xml")))))
                .hasValueSatisfying(problem -> assertThat(problem).contains("tests setting 'reports'"));
    }

    @Test
    void shouldRefuseABadSourceOnSaveWithTheEnginesMessage() {
        ScrapeMetrics scrape = new ScrapeMetrics("http://shop-staging:8080/metrics");
        scrape.setRequests("http_requests_total");

        assertThat(EnvironmentValidation.checkAll(List.of(environment("staging", scrape))))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("environments[0] (staging): metrics: scrape settings 'requests' and 'errors' go"
                                + " together"));
        WebMetrics web = new WebMetrics("http://api.example.com/q?x=1");
        web.setErrorRate("/v");
        web.setCredentialsId("token");
        assertThat(EnvironmentValidation.checkAll(List.of(environment("staging", web))))
                .hasValueSatisfying(problem -> assertThat(problem).contains("plain http"));
    }
}
