package io.jenkins.plugins.genesis.docker;

import hudson.Extension;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.docker.target.DockerTargets;
import io.jenkins.plugins.genesis.config.EnvironmentConfig;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import io.jenkins.plugins.genesis.deploy.TargetOpener;
import java.util.Map;
import java.util.Optional;

/**
 * Opens Docker targets for the controller's engine, with the global configuration's environments. The
 * work is {@link DockerHostTargets}'; this class only plugs Jenkins in.
 */
@Extension
public final class DockerOpener implements TargetOpener {

    @Override
    public String kind() {
        return DockerTargets.KIND;
    }

    @Override
    public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        return new DockerHostTargets(DockerOpener::trusted, DockerTargets.standard()).open(key, spec);
    }

    private static DockerHostTargets.Trusted trusted(String environment) {
        GenesisConfiguration configuration = GenesisConfiguration.get();
        Environments policy = configuration.toPolicy();
        Optional<Environment> configured = policy.find(environment);
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("environment '" + environment + "' is not configured; fix: an"
                    + " administrator adds it under Manage Jenkins, System, Genesis");
        }
        Map<String, String> settings = configuration
                .environment(environment)
                .map(EnvironmentConfig::getTarget)
                .filter(DockerHostTarget.class::isInstance)
                .map(target -> ((DockerHostTarget) target).settings())
                .orElse(Map.of());
        return new DockerHostTargets.Trusted(configured.get(), settings);
    }
}
