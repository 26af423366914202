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

    /**
     * Stores a request that a watch end, for whichever process runs it; a later request for the same
     * watch replaces an earlier one.
     */
    void requestEnd(WatchEndRequest request);

    /** The request that watch {@code id} end, if one was stored. */
    Optional<WatchEndRequest> endRequested(WatchId id);
}
