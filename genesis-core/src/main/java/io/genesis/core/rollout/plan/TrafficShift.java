package io.genesis.core.rollout.plan;

import io.genesis.core.policy.Percentage;
import java.time.Duration;
import java.util.Objects;

/**
 * One move of traffic towards the candidate, and how long to analyse it before the next.
 *
 * @param weight the candidate's share after the move
 * @param analysis how long to analyse at that weight; zero moves on at once
 */
public record TrafficShift(Percentage weight, Duration analysis) {

    public TrafficShift {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(analysis, "analysis");
    }

    public static TrafficShift of(double weight, Duration analysis) {
        return new TrafficShift(Percentage.of("weight", weight), analysis);
    }
}
