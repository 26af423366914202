package io.genesis.core.gate;

import io.genesis.core.policy.Environment;
import java.util.Optional;

/**
 * The one rule for forcing a gate, which every front door calls: force needs a reason, a reason
 * needs force, and the environment must allow force ({@code allowForce}). The names of the options
 * are the front door's ({@code --force} on the command line, {@code force:} in a Pipeline), so
 * that the message says what to type.
 */
public final class ForceRule {

    private ForceRule() {}

    /**
     * What is wrong with this combination of force and reason, or nothing.
     *
     * @param force whether force was asked for
     * @param reason the reason given, possibly blank
     * @param forceName how the front door spells force, such as {@code --force}
     * @param reasonName how the front door spells the reason, such as {@code --reason}
     */
    public static Optional<String> pairing(boolean force, String reason, String forceName, String reasonName) {
        boolean hasReason = reason != null && !reason.isBlank();
        if (force && !hasReason) {
            return Optional.of(forceName + " needs " + reasonName + ": say why the gate may be bypassed");
        }
        if (!force && hasReason) {
            return Optional.of(
                    reasonName + " is only used with " + forceName + "; add " + forceName + " or drop " + reasonName);
        }
        return Optional.empty();
    }

    /**
     * Checks force for {@code environment}.
     *
     * @throws IllegalArgumentException naming the option, the environment and the fix
     */
    public static void check(
            Environment environment, boolean force, String reason, String forceName, String reasonName) {
        Optional<String> problem = pairing(force, reason, forceName, reasonName);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        if (force) {
            requireAllowed(environment);
        }
    }

    /** Refuses force where the environment's policy does not allow it. */
    static void requireAllowed(Environment environment) {
        if (!environment.allowForce()) {
            throw new IllegalArgumentException("force is not allowed for " + environment.name()
                    + ": its policy sets allowForce to false; fix: make the gate pass, or have whoever keeps the"
                    + " policy of " + environment.name() + " allow force");
        }
    }
}
