package io.genesis.core.rollout.plan;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.RollingBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rolling: replace instances in batches as large as the bounds allow, waiting for each batch to
 * be healthy, then promote. With the release guide's 25 % surge and nothing unavailable that is
 * 25 %, 50 %, 75 %, 100 %.
 */
public final class RollingStrategy implements Strategy {

    private final RollingBounds bounds;

    public RollingStrategy() {
        this(RollingBounds.DEFAULT);
    }

    public RollingStrategy(RollingBounds bounds) {
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    @Override
    public String name() {
        return StrategyName.ROLLING.label();
    }

    @Override
    public Plan plan(Capabilities capabilities) {
        List<Step> steps = new ArrayList<>();
        double batch = bounds.batch();
        for (int k = 1; ; k++) {
            // Integer arithmetic on hundredths keeps 3 x 33.33 from drifting past 100.
            double share = Math.min(100, Math.round(k * batch * 100) / 100.0);
            steps.add(new Step.RollingBatch(new Percentage(share), bounds));
            if (share >= 100) {
                break;
            }
        }
        steps.add(new Step.Promote());
        return Plan.of(name(), steps);
    }
}
