package io.genesis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --state-dir}: the directory every command pointed at it shares (see {@link StateDir}). The
 * commands that run rollouts (deploy, rollback) keep rollouts, locks and the history there, as the
 * description below says; history and status only read there, and say what they read in
 * {@code StateDirOption.properties}, under picocli's keys qualified by the command's name. The demo
 * declares its own option: it defaults to a temporary directory.
 */
@Command(resourceBundle = "io.genesis.cli.StateDirOption")
final class StateDirOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            descriptionKey = "state-dir",
            description = "Where rollouts, locks and the history are kept (default: " + StateDir.DEFAULT_DESCRIPTION
                    + "; never the working directory).")
    Path path;

    /**
     * The state directory given, or the user's own, created private or checked to be.
     *
     * @throws ParameterException naming the directory and the fix when it is a link or another user's
     */
    StateDir dir() {
        StateDir dir = path != null
                ? new StateDir(path)
                : StateDir.standard(System.getenv(), Path.of(System.getProperty("user.home")));
        try {
            return dir.requirePrivate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }
}
