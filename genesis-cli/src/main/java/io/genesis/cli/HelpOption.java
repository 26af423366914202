package io.genesis.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for the subcommands that show no version of their own (deploy, rollback, history,
 * status, demo); {@code genesis} and {@code genesis gate} take picocli's standard help options instead.
 */
final class HelpOption {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;
}
