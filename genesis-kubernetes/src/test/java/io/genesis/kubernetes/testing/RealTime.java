package io.genesis.kubernetes.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting in real time, for tests against a real cluster only: its controllers, scheduler and image
 * pulls take the time they take, and no clock can be injected into them. Every other test takes time
 * from an injected clock.
 */
public final class RealTime {

    private RealTime() {}

    /**
     * What {@code poll} finds, asked once a second until it finds something or {@code patience} has
     * passed (then empty).
     */
    public static <T> Optional<T> await(Supplier<Optional<T>> poll, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = poll.get();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(1_000);
        }
        return Optional.empty();
    }
}
