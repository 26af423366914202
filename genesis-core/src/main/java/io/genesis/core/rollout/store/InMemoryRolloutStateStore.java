package io.genesis.core.rollout.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * States in memory, as the same JSON the file store writes, so that a simulation exercises the
 * round trip a restart relies on. For simulations and dry runs: nothing survives the process.
 */
public final class InMemoryRolloutStateStore implements RolloutStateStore {

    private final TreeMap<RolloutId, byte[]> states = new TreeMap<>();

    @Override
    public synchronized void save(RolloutState state) {
        states.put(state.id(), StateJson.write(state));
    }

    @Override
    public synchronized Optional<RolloutState> load(RolloutId id) {
        byte[] bytes = states.get(id);
        return bytes == null ? Optional.empty() : Optional.of(read(bytes));
    }

    @Override
    public synchronized List<RolloutState> list() {
        List<RolloutState> all = new ArrayList<>();
        states.values().forEach(bytes -> all.add(read(bytes)));
        return all;
    }

    private static RolloutState read(byte[] bytes) {
        try {
            return StateJson.readState(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rollout state written by this store could not be read back", e);
        }
    }
}
