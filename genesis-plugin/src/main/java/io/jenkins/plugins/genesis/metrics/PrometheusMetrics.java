package io.jenkins.plugins.genesis.metrics;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Instant PromQL queries to a Prometheus server, one per metric, each answering one number. */
public final class PrometheusMetrics extends PerMetricSource {

    private final String url;

    @DataBoundConstructor
    public PrometheusMetrics(String url) {
        this.url = trimmed(url);
    }

    public String getUrl() {
        return url;
    }

    @Override
    public Map<String, Object> toTree() {
        Map<String, Object> tree = tree("prometheus");
        put(tree, "url", url);
        putMetrics(tree);
        return tree;
    }

    @Extension
    @Symbol("prometheus")
    public static final class DescriptorImpl extends Descriptor<MetricSourceConfig> {

        @Override
        public String getDisplayName() {
            return Messages.PROMETHEUS_DISPLAY_NAME.format();
        }
    }
}
