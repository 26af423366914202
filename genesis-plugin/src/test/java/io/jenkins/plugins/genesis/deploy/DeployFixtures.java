package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.promotion.PromotionCheck;
import java.time.Clock;

/** What the deploy tests share. */
final class DeployFixtures {

    /**
     * The promotion path's check over an empty history: a deploy to an environment that requires
     * others first is refused unless forced; tests of other behaviour use environments without a path.
     */
    static final PromotionCheck NO_HISTORY = new PromotionCheck(new InMemoryHistoryStore(), Clock.systemUTC());

    private DeployFixtures() {}
}
