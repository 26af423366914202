package io.genesis.core.promotion;

import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.freeze.FreezeWindow;
import io.genesis.core.gate.ForceRule;
import io.genesis.core.policy.Environment;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule of freeze windows, which every front door calls when a deploy starts (and the engine
 * again before promotion): no deploy to an environment while one of its freeze windows holds,
 * unless it is forced with a reason ({@link ForceRule}; in Jenkins also the Force permission); the
 * override then becomes a note of the deployment record.
 */
public final class FreezeCheck {

    /** How an override note starts, so that people and tests can find it in a record. */
    public static final String OVERRIDE_NOTE = "freeze overridden";

    private final Clock clock;

    public FreezeCheck(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks a deploy to {@code environment}, whose freezes are {@code calendar}.
     *
     * @return the note to keep in the deployment record when a freeze was overridden, else nothing
     * @throws PromotionRefusedException while a freeze holds and the deploy is not forced
     * @throws IllegalArgumentException when force and reason do not pair, or the environment does not
     *     allow force
     */
    public Optional<String> check(
            Environment environment,
            FreezeCalendar calendar,
            boolean force,
            String reason,
            String forceName,
            String reasonName) {
        Optional<FreezeWindow.Frozen> frozen = calendar.at(clock.instant());
        if (frozen.isEmpty()) {
            return Optional.empty();
        }
        String what = environment.name() + " is frozen " + frozen.get().describe();
        if (!force) {
            throw new PromotionRefusedException("no deploys to " + environment.name() + " now: " + what
                    + "; fix: deploy after the freeze, or override it with " + forceName + " " + reasonName + " TEXT");
        }
        ForceRule.check(environment, force, reason, forceName, reasonName);
        return Optional.of(OVERRIDE_NOTE + " with " + forceName + ": " + reason.strip() + " (" + what + ")");
    }

    /**
     * The reason a deploy carries into the engine to promote through a freeze too (see
     * {@code RolloutRequest#freezeOverride}): the reason when it is forced with one and its environment
     * allows force, else empty, so the engine's check before promotion holds it while a freeze holds.
     */
    public static String promotionOverride(Environment environment, boolean force, String reason) {
        boolean forced = force && reason != null && !reason.isBlank() && environment.allowForce();
        return forced ? reason.strip() : "";
    }
}
