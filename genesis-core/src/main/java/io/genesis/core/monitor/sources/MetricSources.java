package io.genesis.core.monitor.sources;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.probe.HttpProbeSettings;
import io.genesis.core.monitor.probe.HttpProbeSource;
import io.genesis.core.monitor.prometheus.PrometheusSettings;
import io.genesis.core.monitor.prometheus.PrometheusSource;
import io.genesis.core.monitor.scrape.ScrapeSettings;
import io.genesis.core.monitor.scrape.ScrapeSource;
import io.genesis.core.monitor.tests.TestReportSettings;
import io.genesis.core.monitor.tests.TestReportSource;
import io.genesis.core.monitor.web.SecretResolver;
import io.genesis.core.monitor.web.WebSettings;
import io.genesis.core.monitor.web.WebSource;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

/**
 * The metric sources every front door knows, by kind: the registry the command line and the plugin
 * open stored specs through, so a kind means the same in both. A target's own measurements (the
 * sandbox's proxy) are not here: their front door opens them.
 */
public final class MetricSources {

    /** The kinds this registry opens, as {@code metrics: kind:} names them. */
    public static final List<String> KINDS = List.of(
            PrometheusSettings.KIND,
            ScrapeSettings.KIND,
            WebSettings.KIND,
            HttpProbeSettings.KIND,
            TestReportSettings.KIND);

    /** What {@code kind: probe} means: the HTTP probe, stored as {@value HttpProbeSettings#KIND}. */
    static final String PROBE = "probe";

    private MetricSources() {}

    /**
     * Checks {@code spec} by reading it as its kind would.
     *
     * @return the spec with its kind's spelling ({@code probe} becomes {@code httpProbe})
     * @throws IllegalArgumentException naming the setting, or the known kinds for an unknown kind
     */
    public static MetricSpec check(MetricSpec spec) {
        return switch (kindOf(spec)) {
            case PrometheusSettings.KIND -> PrometheusSettings.from(spec).spec();
            case ScrapeSettings.KIND -> ScrapeSettings.from(spec).spec();
            case WebSettings.KIND -> WebSettings.from(spec).spec();
            case HttpProbeSettings.KIND ->
                HttpProbeSettings.from(canonical(spec)).spec();
            case TestReportSettings.KIND -> TestReportSettings.from(spec).spec();
            default ->
                throw new IllegalArgumentException("metric source kind '" + spec.kind() + "' is not known;"
                        + " known: prometheus, scrape, web, probe, tests");
        };
    }

    /** {@code spec} for a rollout of {@code version}: {@code $version} replaced where the kind takes it. */
    public static MetricSpec forVersion(MetricSpec spec, String version) {
        return switch (kindOf(spec)) {
            case PrometheusSettings.KIND ->
                PrometheusSettings.from(spec).forVersion(version).spec();
            case ScrapeSettings.KIND ->
                ScrapeSettings.from(spec).forVersion(version).spec();
            case WebSettings.KIND -> WebSettings.from(spec).forVersion(version).spec();
            default -> check(spec);
        };
    }

    /**
     * The source {@code spec} names, if it is of a kind this registry knows.
     *
     * @param client the HTTP client every source of the process shares
     * @param secrets how the front door resolves a web source's secret references
     */
    public static Optional<MetricSource> open(MetricSpec spec, HttpClient client, SecretResolver secrets) {
        return Optional.ofNullable(
                switch (kindOf(spec)) {
                    case PrometheusSettings.KIND -> new PrometheusSource(PrometheusSettings.from(spec), client);
                    case ScrapeSettings.KIND -> new ScrapeSource(ScrapeSettings.from(spec), client);
                    case WebSettings.KIND -> new WebSource(WebSettings.from(spec), client, secrets);
                    case HttpProbeSettings.KIND -> new HttpProbeSource(HttpProbeSettings.from(canonical(spec)), client);
                    case TestReportSettings.KIND -> new TestReportSource(TestReportSettings.from(spec));
                    default -> null;
                });
    }

    private static String kindOf(MetricSpec spec) {
        return PROBE.equals(spec.kind()) ? HttpProbeSettings.KIND : spec.kind();
    }

    private static MetricSpec canonical(MetricSpec spec) {
        return new MetricSpec(kindOf(spec), spec.settings());
    }
}
