package io.genesis.cli;

import picocli.CommandLine.Option;

/**
 * {@code --application} of the commands that act on one rollout (deploy, rollback): with the environment
 * it names the rollout's key. {@code genesis history} takes its own, optional, as a filter.
 */
final class ApplicationOption {

    @Option(
            names = "--application",
            required = true,
            paramLabel = "NAME",
            description = "The application, such as shop.")
    String name;
}
