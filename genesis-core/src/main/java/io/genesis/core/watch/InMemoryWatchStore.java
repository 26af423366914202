package io.genesis.core.watch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Watches kept in memory: for simulations and for a foreground watch that ends with its process. */
public final class InMemoryWatchStore implements WatchStore {

    private final Map<WatchId, WatchState> states = new ConcurrentSkipListMap<>();
    private final Map<WatchId, WatchEndRequest> endings = new ConcurrentSkipListMap<>();

    @Override
    public void save(WatchState state) {
        states.put(state.id(), state);
    }

    @Override
    public Optional<WatchState> load(WatchId id) {
        return Optional.ofNullable(states.get(id));
    }

    @Override
    public List<WatchState> list() {
        return List.copyOf(states.values());
    }

    @Override
    public void requestEnd(WatchEndRequest request) {
        endings.put(request.id(), request);
    }

    @Override
    public Optional<WatchEndRequest> endRequested(WatchId id) {
        return Optional.ofNullable(endings.get(id));
    }
}
