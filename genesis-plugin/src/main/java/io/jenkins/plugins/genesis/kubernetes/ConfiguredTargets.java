package io.jenkins.plugins.genesis.kubernetes;

import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.jenkins.plugins.genesis.config.EnvironmentConfig;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import java.util.Map;
import java.util.Optional;

/** The trusted side of each environment, read from the global configuration each time a target is opened. */
final class ConfiguredTargets implements TrustedTargets {

    private final GenesisConfiguration configuration;

    ConfiguredTargets(GenesisConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Trusted of(String environment) {
        Environments policy = configuration.toPolicy();
        Optional<Environment> configured = policy.find(environment);
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("environment '" + environment + "' is not configured; fix: an"
                    + " administrator adds it under Manage Jenkins, System, Genesis (known: "
                    + policy.all().stream().map(Environment::name).toList() + ")");
        }
        Map<String, String> settings = configuration
                .environment(environment)
                .map(EnvironmentConfig::getTarget)
                .filter(KubernetesTarget.class::isInstance)
                .map(target -> ((KubernetesTarget) target).settings())
                .orElse(Map.of());
        return new Trusted(configured.get(), settings);
    }
}
