package io.genesis.core.watch;

/** Hears what watches say; must not throw (what it throws is ignored) and must not block. */
@FunctionalInterface
public interface WatchListener {
    void onEvent(WatchEvent event);

    /**
     * Called after {@link #onEvent} for an event that is also a {@link WatchMilestone}, with the watch's
     * state and the incident concerned (null for {@code ENDED}). Same rules: quick, never throws. Does
     * nothing unless overridden.
     */
    default void onMilestone(WatchMilestone milestone, WatchState state, Incident incident, WatchEvent event) {}
}
