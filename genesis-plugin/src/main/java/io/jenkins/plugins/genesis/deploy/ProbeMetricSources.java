package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.probe.HttpProbeSettings;
import io.genesis.core.monitor.probe.HttpProbeSource;
import io.genesis.core.monitor.prometheus.PrometheusSettings;
import io.genesis.core.monitor.prometheus.PrometheusSource;
import java.net.http.HttpClient;

/**
 * The metric sources the controller's engine opens: an HTTP probe of the candidate, or Prometheus,
 * both from core and both over one HTTP client. Anything else is refused with the known kinds.
 */
final class ProbeMetricSources implements MetricSourceFactory {

    private HttpClient client;

    @Override
    public MetricSource open(MetricSpec spec) {
        if (HttpProbeSettings.KIND.equals(spec.kind())) {
            return new HttpProbeSource(HttpProbeSettings.from(spec), client());
        }
        if (PrometheusSettings.KIND.equals(spec.kind())) {
            return new PrometheusSource(PrometheusSettings.from(spec), client());
        }
        throw new IllegalArgumentException("unknown metric source '" + spec.kind() + "'; known: "
                + HttpProbeSettings.KIND + ", " + PrometheusSettings.KIND);
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpProbeSource.client();
        }
        return client;
    }
}
