package io.genesis.core.rollout.plan;

import io.genesis.core.target.RollingBounds;
import java.util.List;
import java.util.Objects;

/** The registry of strategies: a name and its settings in, a strategy out. */
public final class Strategies {

    private Strategies() {}

    /**
     * The strategy called {@code name}. {@code custom} needs {@code customSteps}; the other
     * strategies refuse them, so that a typo cannot silently ignore a hand-written plan.
     *
     * @param name the strategy's name; unknown names fail with the known ones
     * @param rollingBounds surge and unavailability for {@code rolling}
     * @param customSteps the steps for {@code custom}, else empty
     */
    public static Strategy named(String name, RollingBounds rollingBounds, List<Step> customSteps) {
        Objects.requireNonNull(rollingBounds, "rollingBounds");
        Objects.requireNonNull(customSteps, "customSteps");
        StrategyName strategy = StrategyName.named(name);
        if (strategy != StrategyName.CUSTOM && !customSteps.isEmpty()) {
            throw new IllegalArgumentException("steps were given for strategy '" + strategy.label()
                    + "', which has its own; use strategy 'custom' to write the steps yourself");
        }
        return switch (strategy) {
            case BLUE_GREEN -> new BlueGreenStrategy();
            case ROLLING -> new RollingStrategy(rollingBounds);
            case CANARY -> new CanaryStrategy();
            case CUSTOM -> {
                if (customSteps.isEmpty()) {
                    throw new IllegalArgumentException(
                            "strategy 'custom' needs steps, for example: deploy; smoke; weight 20; analyse 5m; weight 100; promote");
                }
                yield new CustomStrategy(customSteps);
            }
        };
    }

    /** A named strategy with the release guide's settings. */
    public static Strategy named(String name) {
        return named(name, RollingBounds.DEFAULT, List.of());
    }
}
