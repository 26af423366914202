package io.jenkins.plugins.genesis.metrics;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** An HTTP probe of the candidate: availability and error rate of a few GETs per sample. */
public final class ProbeMetrics extends MetricSourceConfig {

    private final String url;
    private Integer requests;

    @DataBoundConstructor
    public ProbeMetrics(String url) {
        this.url = trimmed(url);
    }

    public String getUrl() {
        return url;
    }

    public Integer getRequests() {
        return requests;
    }

    @DataBoundSetter
    public void setRequests(Integer requests) {
        this.requests = requests;
    }

    @Override
    public Map<String, Object> toTree() {
        Map<String, Object> tree = tree("probe");
        put(tree, "url", url);
        put(tree, "requests", requests);
        return tree;
    }

    @Extension
    @Symbol("probe")
    public static final class DescriptorImpl extends Descriptor<MetricSourceConfig> {

        @Override
        public String getDisplayName() {
            return Messages.PROBE_DISPLAY_NAME.format();
        }
    }
}
