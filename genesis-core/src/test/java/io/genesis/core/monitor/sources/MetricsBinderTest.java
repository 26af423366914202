package io.genesis.core.monitor.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.probe.HttpProbeSettings;
import io.genesis.core.monitor.tests.TestReportSettings;
import io.genesis.core.policy.CheckoutPolicy;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyCases;
import io.genesis.core.policy.PolicyDocument;
import io.genesis.core.policy.PolicyException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsBinderTest {

    private static final String SCRAPE = """
            environments:
              - name: staging
                minPassRate: 95
                minCoverage: 85
                metrics:
                  kind: scrape
                  url: http://shop-staging:8080/metrics
                  requests: http_requests_total{job="shop"}
                  errors: http_requests_total{job="shop",code=~"5.."}
                  latency: http_request_duration_seconds{job="shop"}
                  timeoutMillis: 5000
              - name: production
                minPassRate: 98
                minCoverage: 85
                protected: true
                metrics:
                  kind: web
                  url: https://api.datadoghq.com/api/v1/query?from=$from&to=$to&query=x
                  errorRate: /series/0/pointlist/0/1
                  headers:
                    DD-API-KEY: env:DD_API_KEY
                    DD-APPLICATION-KEY: env:DD_APP_KEY
            """;

    @Test
    void shouldBindEachEnvironmentsSourceAsItsKindReadsIt() {
        Map<String, MetricSpec> sources = MetricsBinder.bind(EnvironmentBinder.bind(PolicyCases.tree(SCRAPE)));

        assertThat(sources.get("staging").kind()).isEqualTo("scrape");
        assertThat(sources.get("staging").settings())
                .containsEntry("errors", "http_requests_total{job=\"shop\",code=~\"5..\"}")
                .containsEntry("timeoutMillis", "5000");
        assertThat(sources.get("production").settings())
                .containsEntry("header.DD-API-KEY", "env:DD_API_KEY")
                .containsEntry("header.DD-APPLICATION-KEY", "env:DD_APP_KEY");
    }

    @Test
    void shouldSpellProbeAsTheStoredKind() {
        Map<String, MetricSpec> sources = MetricsBinder.bind(EnvironmentBinder.bind(PolicyCases.tree("""
                environments:
                  - name: qa
                    minPassRate: 90
                    minCoverage: 80
                    metrics: {kind: probe, url: "http://shop-qa/healthz", requests: 5}
                """)));

        assertThat(sources.get("qa").kind()).isEqualTo(HttpProbeSettings.KIND);
        assertThat(sources.get("qa").settings()).containsEntry("requests", "5");
    }

    @Test
    void shouldBindSmokeTestReportsAsATestsSource() {
        Map<String, MetricSpec> sources = MetricsBinder.bind(EnvironmentBinder.bind(PolicyCases.tree("""
                environments:
                  - name: qa
                    minPassRate: 90
                    minCoverage: 80
                    metrics: {kind: tests, directory: /srv/smoke-results, reports: "smoke/*.xml"}
                """)));

        assertThat(sources.get("qa").kind()).isEqualTo(TestReportSettings.KIND);
        assertThat(sources.get("qa").settings())
                .containsEntry("reports", "smoke/*.xml")
                .containsEntry("directory", "/srv/smoke-results")
                .containsEntry("maxBytes", Long.toString(TestReportSettings.DEFAULT_MAX_BYTES));
    }

    @Test
    void shouldBindTheSmokeCommandATestsSourceRuns() {
        Map<String, MetricSpec> sources = MetricsBinder.bind(EnvironmentBinder.bind(PolicyCases.tree("""
                environments:
                  - name: qa
                    minPassRate: 90
                    minCoverage: 80
                    metrics: {kind: tests, reports: "smoke/*.xml", command: "./smoke.sh", every: 10m}
                """)));

        assertThat(sources.get("qa").settings())
                .containsEntry("command", "./smoke.sh")
                .containsEntry("every", "10 min")
                .containsEntry("timeout", "2 min");
    }

    @Test
    void shouldRefuseATestsSourceWithoutReportsNamingTheSetting() {
        assertThatThrownBy(() -> MetricsBinder.bind(EnvironmentBinder.bind(PolicyCases.tree("""
                        environments:
                          - name: qa
                            minPassRate: 90
                            minCoverage: 80
                            metrics: {kind: tests, directory: /srv/smoke-results}
                        """))))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("tests setting 'reports' is required, such as 'smoke/*.xml'");
    }

    @Test
    void shouldRefuseABadSourceNamingTheEnvironmentAndTheSetting() {
        assertThatThrownBy(() -> MetricsBinder.bind(EnvironmentBinder.bind(PolicyCases.tree("""
                        environments:
                          - name: qa
                            minPassRate: 90
                            minCoverage: 80
                            metrics: {kind: scrape, url: "http://shop/metrics", requests: a}
                        """))))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.path()).isEqualTo("environments[0].metrics"))
                .hasMessageContaining(
                        "environments[0] (qa): metrics: scrape settings 'requests' and 'errors' go together");
        assertThatThrownBy(
                        () -> MetricsBinder.bind(
                                EnvironmentBinder.bind(
                                        PolicyCases.tree(
                                                "environments:\n  - name: qa\n    minPassRate: 90\n    minCoverage: 80\n    metrics: {url: x}\n"))))
                .hasMessageContaining("metrics has no kind");
        assertThatThrownBy(
                        () -> MetricsBinder.bind(
                                EnvironmentBinder.bind(
                                        PolicyCases.tree(
                                                "environments:\n  - name: qa\n    minPassRate: 90\n    minCoverage: 80\n    metrics: {kind: graphite}\n"))))
                .hasMessageContaining(
                        "metric source kind 'graphite' is not known; known: prometheus, scrape, web, probe, tests");
    }

    @Test
    void shouldLetACheckoutNameASourceOnlyForAnEnvironmentThatIsNotProtected() {
        PolicyDocument document =
                CheckoutPolicy.tighten(Environments.defaults(), "the built-in defaults", PolicyCases.tree("""
                environments:
                  - name: staging
                    metrics: {kind: probe, url: "http://shop-staging/healthz"}
                """));
        assertThat(MetricsBinder.bind(document)).containsOnlyKeys("staging");

        assertThatThrownBy(() ->
                        CheckoutPolicy.tighten(Environments.defaults(), "the built-in defaults", PolicyCases.tree("""
                        environments:
                          - name: production
                            metrics: {kind: web, url: "https://attacker.example/q", errorRate: /v, token: "env:PROD_TOKEN"}
                        """)))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.path()).isEqualTo("environments[0].metrics"))
                .hasMessageContaining("production is protected, and a checkout may not name where it is measured");
    }

    @Test
    void shouldReplaceTheVersionWhereTheKindTakesIt() {
        MetricSpec spec = MetricSources.check(new MetricSpec(
                "prometheus", Map.of("url", "http://prometheus:9090", "errorRate", "x{version=\"$version\"}")));

        assertThat(MetricSources.forVersion(spec, "1.4.0").settings())
                .containsEntry("errorRate", "x{version=\"1.4.0\"}");
        assertThat(MetricsBinder.tree(spec))
                .containsEntry("kind", "prometheus")
                .containsEntry("url", "http://prometheus:9090");
    }
}
