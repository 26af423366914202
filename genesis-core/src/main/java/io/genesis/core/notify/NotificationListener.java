package io.genesis.core.notify;

import io.genesis.core.rollout.RolloutEvent;
import io.genesis.core.rollout.RolloutListener;
import io.genesis.core.rollout.RolloutMilestone;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.watch.Incident;
import io.genesis.core.watch.WatchEvent;
import io.genesis.core.watch.WatchListener;
import io.genesis.core.watch.WatchMilestone;
import io.genesis.core.watch.WatchState;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hears the milestones of rollouts and watches and queues their notifications in the outbox, then
 * returns: the send happens in a later round of delivery, so a notification never delays a rollout
 * or its rollback. Every other event goes on to the listener it wraps (the console log).
 */
public final class NotificationListener {

    private final NotificationDelivery delivery;
    private final Consumer<String> problems;

    /**
     * @param delivery the outbox and its delivery, woken after each queued notification
     * @param problems told when a notification could not be queued (never with a secret)
     */
    public NotificationListener(NotificationDelivery delivery, Consumer<String> problems) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /** {@code log}, plus notifications of rollout milestones. */
    public RolloutListener rollouts(RolloutListener log) {
        return new RolloutListener() {
            @Override
            public void onEvent(RolloutEvent event) {
                log.onEvent(event);
            }

            @Override
            public void onMilestone(RolloutMilestone milestone, RolloutState state, RolloutEvent event) {
                log.onMilestone(milestone, state, event);
                queue(() -> Notifications.of(milestone, state, event).ifPresent(NotificationListener.this::queue));
            }
        };
    }

    /** {@code log}, plus notifications of watch milestones. */
    public WatchListener watches(WatchListener log) {
        return new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                log.onEvent(event);
            }

            @Override
            public void onMilestone(WatchMilestone milestone, WatchState state, Incident incident, WatchEvent event) {
                log.onMilestone(milestone, state, incident, event);
                queue(() -> queue(Notifications.of(milestone, state, incident, event)));
            }
        };
    }

    private void queue(Notification notification) {
        if (!delivery.outbox().enqueue(notification).isEmpty()) {
            delivery.wake();
        }
    }

    private void queue(Runnable work) {
        if (!delivery.outbox().hasChannels()) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            problems.accept("a notification could not be queued: " + Outbox.message(e, null));
        }
    }
}
