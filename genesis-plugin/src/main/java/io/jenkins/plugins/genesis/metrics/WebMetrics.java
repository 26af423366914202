package io.jenkins.plugins.genesis.metrics;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * An HTTP GET answering JSON (Datadog, New Relic, any query API), each metric at a JSON Pointer;
 * the bearer token and any secret header are Secret Text credentials, by id.
 */
public final class WebMetrics extends MetricSourceConfig {

    private final String url;
    private String errorRate;
    private String latencyP95;
    private String availability;
    private String testPassRate;
    private String credentialsId;
    private List<SecretHeader> headers;

    @DataBoundConstructor
    public WebMetrics(String url) {
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

    /** The Secret Text credential sent as {@code Authorization: Bearer …}, if any. */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public List<SecretHeader> getHeaders() {
        return headers == null ? null : new ArrayList<>(headers);
    }

    @DataBoundSetter
    public void setHeaders(List<SecretHeader> headers) {
        this.headers = headers == null ? null : new ArrayList<>(headers);
    }

    @Override
    public Map<String, Object> toTree() {
        Map<String, Object> tree = tree("web");
        put(tree, "url", url);
        put(tree, "errorRate", errorRate);
        put(tree, "latencyP95", latencyP95);
        put(tree, "availability", availability);
        put(tree, "testPassRate", testPassRate);
        if (credentialsId != null && !credentialsId.isBlank()) {
            tree.put("token", CREDENTIALS + credentialsId.trim());
        }
        if (headers != null && !headers.isEmpty()) {
            Map<String, Object> secretHeaders = new LinkedHashMap<>();
            headers.forEach(header -> secretHeaders.put(header.getName(), CREDENTIALS + header.getCredentialsId()));
            tree.put("headers", secretHeaders);
        }
        return tree;
    }

    @Extension
    @Symbol("web")
    public static final class DescriptorImpl extends Descriptor<MetricSourceConfig> {

        @Override
        public String getDisplayName() {
            return Messages.WEB_DISPLAY_NAME.format();
        }
    }
}
