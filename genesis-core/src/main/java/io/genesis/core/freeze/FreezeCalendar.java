package io.genesis.core.freeze;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The freeze windows of one environment.
 *
 * @param windows every window, as configured
 */
public record FreezeCalendar(List<FreezeWindow> windows) {

    /** No freezes. */
    public static final FreezeCalendar NONE = new FreezeCalendar(List.of());

    public FreezeCalendar {
        windows = List.copyOf(windows);
    }

    /** The freeze in force at {@code now}: of several, the one that ends last, since it decides when deploys resume. */
    public Optional<FreezeWindow.Frozen> at(Instant now) {
        return windows.stream()
                .map(window -> window.at(now))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(FreezeWindow.Frozen::until));
    }

    /** This calendar with {@code more}'s windows too: a checkout may add freezes, never remove them. */
    public FreezeCalendar plus(FreezeCalendar more) {
        return new FreezeCalendar(java.util.stream.Stream.concat(windows.stream(), more.windows.stream())
                .distinct()
                .toList());
    }
}
