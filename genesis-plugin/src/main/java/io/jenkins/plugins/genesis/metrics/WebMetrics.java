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
public final class WebMetrics extends PerMetricSource {

    private final String url;
    private String credentialsId;
    private List<SecretHeader> headers;

    @DataBoundConstructor
    public WebMetrics(String url) {
        this.url = trimmed(url);
    }

    public String getUrl() {
        return url;
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
        putMetrics(tree);
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
