package io.jenkins.plugins.genesis.metrics;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Smoke-test reports on the controller: the post-deploy test pass rate from the newest JUnit XML file
 * matching {@code reports} under {@code directory}, read by the engine's {@code tests} source. With a
 * {@code command}, the engine runs it itself every {@code every}, bounded by {@code timeout}.
 */
public final class TestsMetrics extends MetricSourceConfig {

    private final String reports;
    private String directory;
    private String command;
    private String every;
    private String timeout;

    @DataBoundConstructor
    public TestsMetrics(String reports) {
        this.reports = trimmed(reports);
    }

    public String getReports() {
        return reports;
    }

    public String getDirectory() {
        return directory;
    }

    @DataBoundSetter
    public void setDirectory(String directory) {
        this.directory = trimmed(directory);
    }

    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = trimmed(command);
    }

    public String getEvery() {
        return every;
    }

    @DataBoundSetter
    public void setEvery(String every) {
        this.every = trimmed(every);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = trimmed(timeout);
    }

    @Override
    public Map<String, Object> toTree() {
        Map<String, Object> tree = tree("tests");
        put(tree, "reports", reports);
        put(tree, "directory", directory);
        put(tree, "command", command);
        put(tree, "every", every);
        put(tree, "timeout", timeout);
        return tree;
    }

    @Extension
    @Symbol("tests")
    public static final class DescriptorImpl extends Descriptor<MetricSourceConfig> {

        @Override
        public String getDisplayName() {
            return Messages.TESTS_DISPLAY_NAME.format();
        }
    }
}
