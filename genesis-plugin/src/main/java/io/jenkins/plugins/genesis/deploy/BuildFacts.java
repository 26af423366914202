package io.jenkins.plugins.genesis.deploy;

import java.util.Map;
import java.util.Objects;

/**
 * What a deploy takes from the build rather than from the script: which build it is, who started
 * it, as which account it runs, and the variables the SCM set ({@code GIT_COMMIT},
 * {@code BRANCH_NAME}, {@code TAG_NAME}). Read once when the step starts; never persisted.
 */
final class BuildFacts {

    private final String build;
    private final String initiator;
    private final String account;
    private final Map<String, String> environment;

    /**
     * @param build the run's externalizable id, such as {@code shop/main#12}
     * @param initiator the user who started the build, else the build's identity
     * @param account the identity the build runs as
     * @param environment the build's environment variables
     */
    BuildFacts(String build, String initiator, String account, Map<String, String> environment) {
        this.build = Objects.requireNonNull(build, "build");
        this.initiator = Objects.requireNonNull(initiator, "initiator");
        this.account = Objects.requireNonNull(account, "account");
        this.environment = Map.copyOf(environment);
    }

    String build() {
        return build;
    }

    String initiator() {
        return initiator;
    }

    String account() {
        return account;
    }

    /** The variable {@code name}, or empty. */
    String variable(String name) {
        String value = environment.get(name);
        return value == null ? "" : value.trim();
    }
}
