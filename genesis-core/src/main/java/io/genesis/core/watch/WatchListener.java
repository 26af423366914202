package io.genesis.core.watch;

/** Hears what watches say; must not throw (what it throws is ignored) and must not block. */
@FunctionalInterface
public interface WatchListener {
    void onEvent(WatchEvent event);
}
