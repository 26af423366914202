package io.genesis.core.rollout;

import java.util.List;
import java.util.Optional;

/**
 * Where rollout states are kept. {@link #save} is durable and atomic when it returns: a reader
 * (or a restarted engine) sees either the previous state or the new one, never a mix.
 */
public interface RolloutStateStore {

    void save(RolloutState state);

    Optional<RolloutState> load(RolloutId id);

    /** Every stored state, in id order. States that cannot be read are reported, not returned. */
    List<RolloutState> list();
}
