package io.genesis.cli;

import java.io.Console;
import java.util.Optional;

/** Asks the person at the terminal. A command has one only when a person can answer. */
@FunctionalInterface
interface Prompter {

    /** Shows {@code question} and returns the answer, or empty when input has ended. */
    Optional<String> ask(String question);

    /** The terminal, if this process has an interactive one. */
    static Optional<Prompter> console() {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        return Optional.of(question -> Optional.ofNullable(console.readLine("%s", question)));
    }
}
