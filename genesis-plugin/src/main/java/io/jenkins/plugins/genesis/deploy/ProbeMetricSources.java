package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.probe.HttpProbeSource;
import io.genesis.core.monitor.sources.MetricSources;
import io.jenkins.plugins.genesis.metrics.BuildSecrets;
import java.net.http.HttpClient;

/**
 * The metric sources the controller's engine opens: core's registry (an HTTP probe of the candidate,
 * Prometheus, a direct scrape, a web JSON query) over one HTTP client, a web source's credentials
 * resolved for the build that deployed. Anything else is refused with the known kinds.
 */
final class ProbeMetricSources implements MetricSourceFactory {

    private HttpClient client;

    @Override
    public MetricSource open(MetricSpec spec) {
        return MetricSources.open(spec, client(), new BuildSecrets())
                .orElseThrow(() -> new IllegalArgumentException("unknown metric source '" + spec.kind() + "'; known: "
                        + String.join(", ", MetricSources.KINDS)));
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpProbeSource.client();
        }
        return client;
    }
}
