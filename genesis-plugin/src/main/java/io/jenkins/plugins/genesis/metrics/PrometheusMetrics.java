package io.jenkins.plugins.genesis.metrics;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Instant PromQL queries to a Prometheus server, one per metric, each answering one number. */
public final class PrometheusMetrics extends MetricSourceConfig {

    private final String url;
    private String errorRate;
    private String latencyP95;
    private String availability;
    private String testPassRate;

    @DataBoundConstructor
    public PrometheusMetrics(String url) {
        this.url = trimmed(url);
    }

    public String getUrl() {
        return url;
    }

    public String getErrorRate() {
        return errorRate;
    }

    @DataBoundSetter
    public void setErrorRate(String errorRate) {
        this.errorRate = errorRate;
    }

    public String getLatencyP95() {
        return latencyP95;
    }

    @DataBoundSetter
    public void setLatencyP95(String latencyP95) {
        this.latencyP95 = latencyP95;
    }

    public String getAvailability() {
        return availability;
    }

    @DataBoundSetter
    public void setAvailability(String availability) {
        this.availability = availability;
    }

    public String getTestPassRate() {
        return testPassRate;
    }

    @DataBoundSetter
    public void setTestPassRate(String testPassRate) {
        this.testPassRate = testPassRate;
    }

    @Override
    public Map<String, Object> toTree() {
        Map<String, Object> tree = tree("prometheus");
        put(tree, "url", url);
        put(tree, "errorRate", errorRate);
        put(tree, "latencyP95", latencyP95);
        put(tree, "availability", availability);
        put(tree, "testPassRate", testPassRate);
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
