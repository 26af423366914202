package io.genesis.core.watch;

import java.util.List;
import java.util.Optional;

/** Where watches are kept between samples and across restarts. */
public interface WatchStore {

    /** Stores {@code state}, replacing the earlier revision of the same watch. */
    void save(WatchState state);

    Optional<WatchState> load(WatchId id);

    /** Every stored watch, oldest id first. */
    List<WatchState> list();
}
