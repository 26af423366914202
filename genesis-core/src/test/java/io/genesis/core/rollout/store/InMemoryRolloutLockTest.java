package io.genesis.core.rollout.store;

import io.genesis.core.rollout.RolloutLock;

class InMemoryRolloutLockTest extends RolloutLockContract {

    @Override
    RolloutLock locks() {
        return new InMemoryRolloutLock();
    }
}
