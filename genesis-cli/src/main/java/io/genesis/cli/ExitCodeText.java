package io.genesis.cli;

/**
 * The lines every command's help shares for the exit codes that mean the same everywhere, so that
 * {@code --help} of each command says them in the same words (the codes themselves are {@link ExitCode}).
 */
final class ExitCodeText {

    /** Exit code 2: the user or the environment must change something; the message says what. */
    static final String USAGE = "2:bad usage or input, or the environment cannot be used (a state directory, file or"
            + " cluster that cannot be read, written or reached); the message says what to fix";

    /** Exit code 4: only what nobody outside Genesis can cause. */
    static final String INTERNAL = "4:an internal error: a bug in genesis (please report it)";

    private ExitCodeText() {}
}
