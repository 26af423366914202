package io.genesis.core.rollout.plan;

import java.util.Objects;

/** The registry of strategies: a name and its settings in, a strategy out. */
public final class Strategies {

    private Strategies() {}

    /**
     * The strategy called {@code name}, tuned by {@code settings}. Settings a strategy has no use for
     * are refused rather than ignored, so that a typo cannot silently drop a hand-written plan or a
     * shortened window: steps only for {@code custom}, shifts only for {@code blueGreen} and
     * {@code canary}, keeping the previous version only for {@code blueGreen}.
     *
     * @param name the strategy's name; unknown names fail with the known ones
     */
    public static Strategy named(String name, StrategySettings settings) {
        Objects.requireNonNull(settings, "settings");
        StrategyName strategy = StrategyName.named(name);
        if (strategy != StrategyName.CUSTOM && !settings.customSteps().isEmpty()) {
            throw new IllegalArgumentException("steps were given for strategy '" + strategy.label()
                    + "', which has its own; use strategy 'custom' to write the steps yourself");
        }
        if (!settings.shifts().isEmpty() && strategy != StrategyName.BLUE_GREEN && strategy != StrategyName.CANARY) {
            throw new IllegalArgumentException("traffic shifts were given for strategy '" + strategy.label()
                    + "', which shifts no traffic by weight; shifts tune blueGreen and canary");
        }
        if (settings.keepPrevious() != null && strategy != StrategyName.BLUE_GREEN) {
            throw new IllegalArgumentException(
                    "keepPrevious was given for strategy '" + strategy.label()
                            + "'; only blueGreen keeps the previous version for a rollback window (custom: use scaleDown <delay>)");
        }
        return switch (strategy) {
            case BLUE_GREEN ->
                new BlueGreenStrategy(
                        settings.shifts().isEmpty() ? BlueGreenStrategy.DEFAULT_SHIFTS : settings.shifts(),
                        settings.keepPrevious() == null
                                ? BlueGreenStrategy.DEFAULT_KEEP_PREVIOUS
                                : settings.keepPrevious());
            case ROLLING -> new RollingStrategy(settings.rollingBounds());
            case CANARY ->
                new CanaryStrategy(settings.shifts().isEmpty() ? CanaryStrategy.DEFAULT_SHIFTS : settings.shifts());
            case CUSTOM -> {
                if (settings.customSteps().isEmpty()) {
                    throw new IllegalArgumentException(
                            "strategy 'custom' needs steps, for example: deploy; smoke; weight 20; analyse 5m; weight 100; promote");
                }
                yield new CustomStrategy(settings.customSteps());
            }
        };
    }

    /** A named strategy with the release guide's settings. */
    public static Strategy named(String name) {
        return named(name, StrategySettings.DEFAULTS);
    }
}
