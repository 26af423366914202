package io.genesis.core.rollout.plan;

import java.util.List;

/** Steps written out by hand, for teams whose release does not fit the named strategies. */
public final class CustomStrategy implements Strategy {

    private final List<Step> steps;

    public CustomStrategy(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public String name() {
        return StrategyName.CUSTOM.label();
    }

    @Override
    public Plan plan(Capabilities capabilities) {
        return Plan.of(name(), steps);
    }
}
