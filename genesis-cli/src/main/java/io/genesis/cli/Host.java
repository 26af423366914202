package io.genesis.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What commands take from the machine they run on: the clock, the target kinds, the terminal (if a
 * person is there), who runs them, how often they look at a running rollout, and the git checkout they
 * run in. Tests hand in their own.
 */
final class Host {

    private final Clock clock;
    private final Supplier<TargetKinds> targetKinds;
    private final Optional<Prompter> prompter;
    private final String user;
    private final Duration pollInterval;
    private final Path checkout;

    Host(Clock clock, Supplier<TargetKinds> targetKinds, Optional<Prompter> prompter, String user, Duration poll) {
        this(clock, targetKinds, prompter, user, poll, Path.of("").toAbsolutePath());
    }

    private Host(
            Clock clock,
            Supplier<TargetKinds> targetKinds,
            Optional<Prompter> prompter,
            String user,
            Duration poll,
            Path checkout) {
        this.checkout = Objects.requireNonNull(checkout, "checkout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.targetKinds = Objects.requireNonNull(targetKinds, "targetKinds");
        this.prompter = Objects.requireNonNull(prompter, "prompter");
        this.user = user == null || user.isBlank() ? "unknown" : user;
        this.pollInterval = Objects.requireNonNull(poll, "poll");
    }

    /** The real machine: the system clock, the built-in target kinds, the console if there is one. */
    static Host system() {
        return new Host(
                Clock.systemUTC(),
                TargetKinds::builtIn,
                Prompter.console(),
                System.getProperty("user.name"),
                Duration.ofMillis(200));
    }

    Clock clock() {
        return clock;
    }

    /** A fresh set of target kinds for one command; the command closes it. */
    TargetKinds targetKinds() {
        return targetKinds.get();
    }

    Optional<Prompter> prompter() {
        return prompter;
    }

    /** Who runs the command, as the operating system says. */
    String user() {
        return user;
    }

    /** How often a command looks at a rollout it waits for. */
    Duration pollInterval() {
        return pollInterval;
    }

    /**
     * Where git is asked for the commit deployed and its time when the command line does not say: the
     * working directory.
     */
    Path checkout() {
        return checkout;
    }

    /** This host with another terminal (or none). */
    Host withPrompter(Optional<Prompter> other) {
        return new Host(clock, targetKinds, other, user, pollInterval, checkout);
    }

    /** This host with other target kinds. */
    Host withTargetKinds(Supplier<TargetKinds> other) {
        return new Host(clock, other, prompter, user, pollInterval, checkout);
    }

    /** This host in another git checkout. */
    Host inCheckout(Path other) {
        return new Host(clock, targetKinds, prompter, user, pollInterval, other.toAbsolutePath());
    }
}
