package io.genesis.core.notify;

import io.genesis.core.time.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the outbox's rounds of delivery: a wake-up on the shared scheduler when the earliest entry is
 * due, and the round itself on {@code sender}, an executor of its own, so that a slow receiver holds
 * neither the scheduler's thread nor a rollout or a watch.
 */
public final class NotificationDelivery {

    private static final String KEY = "notify:outbox";

    private final Outbox outbox;
    private final Scheduler scheduler;
    private final Executor sender;
    private final Clock clock;
    private final Consumer<String> problems;
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * @param outbox the outbox delivered
     * @param scheduler the shared scheduler
     * @param sender where rounds run (one thread is enough; tests run them in place)
     * @param clock the engine's clock
     * @param problems told when a round fails as a whole (the outbox cannot be read or locked)
     */
    public NotificationDelivery(
            Outbox outbox, Scheduler scheduler, Executor sender, Clock clock, Consumer<String> problems) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    public Outbox outbox() {
        return outbox;
    }

    /**
     * Wakes delivery when the earliest open entry is due (at once if it is); at start-up, resumes the
     * outbox. Serialised, so that the wake-up a round sets when it ends never replaces (or cancels) the
     * one set for an entry queued meanwhile: the last call always saw every entry queued before it.
     */
    public synchronized void wake() {
        Optional<Instant> due;
        try {
            due = outbox.nextDue();
        } catch (RuntimeException e) {
            problems.accept("notifications: " + Outbox.message(e, null));
            return;
        }
        due.ifPresentOrElse(at -> scheduler.schedule(KEY, at, this::hand), () -> scheduler.cancel(KEY));
    }

    /** The scheduler's thread only hands the round over; one round is queued at a time. */
    private void hand() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        sender.execute(() -> {
            queued.set(false);
            try {
                outbox.deliverDue(clock.instant());
            } catch (RuntimeException e) {
                problems.accept("notifications: " + Outbox.message(e, null));
            }
            wake();
        });
    }
}
