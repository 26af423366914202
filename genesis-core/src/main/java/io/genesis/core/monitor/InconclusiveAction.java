package io.genesis.core.monitor;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a rollout does when a sample has no usable data. None of them counts the sample as healthy. */
public enum InconclusiveAction {
    /** Halt where the rollout is and wait for a person to resume or roll back. */
    PAUSE,
    /** End the rollout as failed, sending traffic back to the stable version. */
    FAIL,
    /** Roll back, as for a critical breach. */
    ROLL_BACK;

    /** Looks an action up by name ({@code pause}, {@code fail}, {@code roll-back}); unknown names list the known ones. */
    public static InconclusiveAction named(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(a ->
                        a.name().equals(wanted) || a.name().replace("_", "").equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown inconclusive action '" + name
                        + "'; known: "
                        + Arrays.stream(values())
                                .map(a -> a.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                .collect(Collectors.joining(", "))));
    }
}
