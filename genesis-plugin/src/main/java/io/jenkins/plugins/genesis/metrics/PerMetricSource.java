package io.jenkins.plugins.genesis.metrics;

import java.util.Map;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A source that is told, per metric, where its number is: a PromQL query for Prometheus, a JSON
 * Pointer for a web query. The four metrics share one set of fields, named as the policy names them.
 */
public abstract class PerMetricSource extends MetricSourceConfig {

    private String errorRate;
    private String latencyP95;
    private String availability;
    private String testPassRate;

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

    /** Puts the metrics that are set into {@code tree}. */
    void putMetrics(Map<String, Object> tree) {
        put(tree, "errorRate", errorRate);
        put(tree, "latencyP95", latencyP95);
        put(tree, "availability", availability);
        put(tree, "testPassRate", testPassRate);
    }
}
