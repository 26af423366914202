package io.genesis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code --state-dir}: the directory every command pointed at it shares (see {@link StateDir}). The
 * commands that run rollouts (deploy, rollback) keep rollouts, locks and the history there, as the
 * description below says; history and status only read there, and say what they read in
 * {@code StateDirOption.properties}, under picocli's keys qualified by the command's name. The demo
 * declares its own option: it defaults to a temporary directory.
 */
@Command(resourceBundle = "io.genesis.cli.StateDirOption")
final class StateDirOption {

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            defaultValue = StateDir.DEFAULT,
            descriptionKey = "state-dir",
            description = "Where rollouts, locks and the history are kept (default: ${DEFAULT-VALUE}).")
    Path path;

    StateDir dir() {
        return new StateDir(path);
    }
}
