package io.jenkins.plugins.genesis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Configuration as Code of the metric sources per environment ({@code configuration-as-code.yaml}
 * beside this class): applied, applied again through the web UI, and read back after a restart.
 */
class MetricsCascJenkinsTest extends AbstractRoundTripTest {

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        GenesisConfiguration configuration = GenesisConfiguration.get();
        assertThat(configuration.metricSource("staging").orElseThrow().settings())
                .containsEntry("errors", "http_requests_total{job=\"shop\",code=~\"5..\"}");
        assertThat(configuration.metricSource("production").orElseThrow().settings())
                .containsEntry("header.DD-API-KEY", "credentials:datadog-api")
                .containsEntry("header.DD-APPLICATION-KEY", "credentials:datadog-app");
    }

    @Override
    protected String stringInLogExpected() {
        return "DD-APPLICATION-KEY";
    }
}
