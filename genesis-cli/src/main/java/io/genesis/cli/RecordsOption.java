package io.genesis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --policy} and {@code --config} for commands that only read or roll back: the environments say
 * where each keeps its deployment records ({@code history: file} or {@code cluster}), and a cluster's
 * records are reached through the environment's target.
 */
final class RecordsOption {

    @Mixin
    PolicyOption policy;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The checkout's environments file (default: genesis.yaml here if present): where each"
                    + " environment keeps its records (history: file or cluster) and its target.")
    Path config;

    /** The records of the state directory, and of the cluster for environments that keep them there. */
    HistoryStores stores(StateDir dir, TargetKinds kinds) throws ConfigException {
        return HistoryStores.of(policy.file, config, dir, kinds);
    }
}
