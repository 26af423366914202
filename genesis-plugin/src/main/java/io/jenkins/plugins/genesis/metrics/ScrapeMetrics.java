package io.jenkins.plugins.genesis.metrics;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A direct scrape of the candidate's {@code /metrics} endpoint: error rate and availability from
 * two counters, p95 latency from a histogram, as series selectors written as in PromQL.
 */
public final class ScrapeMetrics extends MetricSourceConfig {

    private final String url;
    private String requests;
    private String errors;
    private String latency;
    private String latencyUnit;

    @DataBoundConstructor
    public ScrapeMetrics(String url) {
        this.url = trimmed(url);
    }

    public String getUrl() {
        return url;
    }

    public String getRequests() {
        return requests;
    }

    @DataBoundSetter
    public void setRequests(String requests) {
        this.requests = requests;
    }

    public String getErrors() {
        return errors;
    }

    @DataBoundSetter
    public void setErrors(String errors) {
        this.errors = errors;
    }

    public String getLatency() {
        return latency;
    }

    @DataBoundSetter
    public void setLatency(String latency) {
        this.latency = latency;
    }

    public String getLatencyUnit() {
        return latencyUnit;
    }

    @DataBoundSetter
    public void setLatencyUnit(String latencyUnit) {
        this.latencyUnit = latencyUnit;
    }

    @Override
    public Map<String, Object> toTree() {
        Map<String, Object> tree = tree("scrape");
        put(tree, "url", url);
        put(tree, "requests", requests);
        put(tree, "errors", errors);
        put(tree, "latency", latency);
        put(tree, "latencyUnit", latencyUnit);
        return tree;
    }

    @Extension
    @Symbol("scrape")
    public static final class DescriptorImpl extends Descriptor<MetricSourceConfig> {

        @Override
        public String getDisplayName() {
            return Messages.SCRAPE_DISPLAY_NAME.format();
        }
    }
}
