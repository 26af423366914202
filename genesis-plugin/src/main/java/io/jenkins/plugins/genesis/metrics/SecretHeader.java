package io.jenkins.plugins.genesis.metrics;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/** A request header whose value is a Secret Text credential, such as Datadog's {@code DD-API-KEY}. */
public final class SecretHeader extends AbstractDescribableImpl<SecretHeader> {

    private final String name;
    private final String credentialsId;

    @DataBoundConstructor
    public SecretHeader(String name, String credentialsId) {
        this.name = MetricSourceConfig.trimmed(name);
        this.credentialsId = MetricSourceConfig.trimmed(credentialsId);
    }

    public String getName() {
        return name;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<SecretHeader> {

        @Override
        public String getDisplayName() {
            return Messages.SECRET_HEADER_DISPLAY_NAME.format();
        }
    }
}
