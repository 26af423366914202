package io.jenkins.plugins.genesis.kubernetes;

import io.genesis.core.policy.Environment;
import java.util.Map;

/** What an administrator set for an environment: its policy, and its Kubernetes target's settings. */
@FunctionalInterface
interface TrustedTargets {

    /**
     * The trusted side of {@code environment}.
     *
     * @throws IllegalArgumentException naming the environment when it is not configured
     */
    Trusted of(String environment);

    /**
     * @param environment the environment's policy (whether it is protected)
     * @param settings its target's settings from the global configuration, possibly empty
     */
    record Trusted(Environment environment, Map<String, String> settings) {

        public Trusted {
            settings = Map.copyOf(settings);
        }
    }
}
