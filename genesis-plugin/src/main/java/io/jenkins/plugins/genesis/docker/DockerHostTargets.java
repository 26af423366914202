package io.jenkins.plugins.genesis.docker;

import io.genesis.core.policy.Environment;
import io.genesis.core.policy.TargetTrust;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.docker.target.DockerSettings;
import io.genesis.docker.target.DockerTargets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Opens a stored Docker target in the controller: the environment's trusted target (the global
 * configuration) and the Jenkinsfile's {@code docker(...)} merged by the engine's {@link TargetTrust} rule,
 * then the Docker module's factory. Which engine, TLS folder and proxy directory are used is the connection:
 * for a protected environment only the global configuration names it.
 */
final class DockerHostTargets {

    static final String TRUSTED = "the global configuration";
    static final String REQUESTED = "the Jenkinsfile's docker(...) target";

    /** What a request for a protected environment may not name: paths and addresses on the controller. */
    static final Set<String> CONNECTION = Set.of(DockerSettings.HOST, DockerSettings.TLS, DockerSettings.PROXY_DIR);

    /**
     * An environment's trusted side.
     *
     * @param environment its policy (whether it is protected)
     * @param settings its Docker target's settings in the global configuration, possibly empty
     */
    record Trusted(Environment environment, Map<String, String> settings) {

        Trusted {
            settings = Map.copyOf(settings);
        }
    }

    private final Function<String, Trusted> trusted;
    private final DockerTargets targets;

    /**
     * @param trusted each environment's trusted side, by name; fails naming an environment not configured
     * @param targets the Docker module's factory (the controller's environment, home and haproxy)
     */
    DockerHostTargets(Function<String, Trusted> trusted, DockerTargets targets) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
        this.targets = Objects.requireNonNull(targets, "targets");
    }

    DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        if (!DockerTargets.KIND.equals(spec.kind())) {
            throw new IllegalArgumentException("target kind '" + spec.kind() + "' is not " + DockerTargets.KIND);
        }
        return targets.open(key, targets.spec(settings(key.environment(), spec.settings())));
    }

    /** The settings a rollout to {@code environment} uses, by the engine's rule for trusted targets. */
    Map<String, String> settings(String environment, Map<String, String> requested) {
        Trusted side = trusted.apply(environment);
        return TargetTrust.settings(
                side.environment(),
                new TargetTrust.Source(TRUSTED + " (" + environment + "'s target)", side.settings()),
                new TargetTrust.Source(REQUESTED, requested),
                CONNECTION);
    }
}
