package io.genesis.core.rollout.plan;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a rollout tunes its strategy, stored with the request. Empty or absent values mean the
 * release guide's defaults, so a rollout that says nothing gets exactly DESIGN.md's plan and its
 * record still names the built-in strategy (not {@code custom}) when only windows were shortened.
 *
 * @param shifts the traffic shifts of {@code blueGreen} or {@code canary}; empty for the strategy's own
 * @param keepPrevious how long {@code blueGreen} keeps the previous version; {@code null} for 24 h
 * @param rollingBounds surge and unavailability for {@code rolling}
 * @param customSteps the steps of {@code custom}, else empty
 */
public record StrategySettings(
        List<TrafficShift> shifts, Duration keepPrevious, RollingBounds rollingBounds, List<Step> customSteps) {

    /** The release guide's settings for every strategy. */
    public static final StrategySettings DEFAULTS =
            new StrategySettings(List.of(), null, RollingBounds.DEFAULT, List.of());

    public StrategySettings {
        // Null-tolerant so that a rollout stored before a setting existed reads back as the default.
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
        rollingBounds = rollingBounds == null ? RollingBounds.DEFAULT : rollingBounds;
        customSteps = customSteps == null ? List.of() : List.copyOf(customSteps);
        if (keepPrevious != null && keepPrevious.isNegative()) {
            throw new IllegalArgumentException(
                    "keepPrevious must not be negative, got " + Durations.format(keepPrevious));
        }
    }

    public StrategySettings withShifts(List<TrafficShift> value) {
        return new StrategySettings(value, keepPrevious, rollingBounds, customSteps);
    }

    public StrategySettings withKeepPrevious(Duration value) {
        return new StrategySettings(shifts, value, rollingBounds, customSteps);
    }

    public StrategySettings withRollingBounds(RollingBounds value) {
        return new StrategySettings(shifts, keepPrevious, Objects.requireNonNull(value, "rollingBounds"), customSteps);
    }

    public StrategySettings withCustomSteps(List<Step> value) {
        return new StrategySettings(shifts, keepPrevious, rollingBounds, value);
    }

    /** Whether anything differs from the release guide, so that a record can say what was tuned. */
    public boolean tuned() {
        return !shifts.isEmpty() || keepPrevious != null || !rollingBounds.equals(RollingBounds.DEFAULT);
    }

    /** One line for logs and records, such as {@code shifts 10 % for 6s → 100 % for 6s; keep previous 4s}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!shifts.isEmpty()) {
            parts.add("shifts " + describe(shifts));
        }
        if (keepPrevious != null) {
            parts.add("keep previous " + Durations.format(keepPrevious));
        }
        if (!rollingBounds.equals(RollingBounds.DEFAULT)) {
            parts.add(rollingBounds.toString());
        }
        return parts.isEmpty() ? "release guide defaults" : String.join("; ", parts);
    }

    static String describe(List<TrafficShift> shifts) {
        return shifts.stream()
                .map(s -> s.weight() + (s.analysis().isZero() ? "" : " for " + Durations.format(s.analysis())))
                .collect(Collectors.joining(" → "));
    }

    /**
     * Reads shifts written as {@code 10:2m, 50:2m, 100:5m}: a weight in percent and, after a colon,
     * how long to analyse at it (none moves on at once).
     *
     * @param field the option or field the text came from, named in errors
     */
    public static List<TrafficShift> parseShifts(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is empty; write shifts such as 10:2m, 50:2m, 100:5m");
        }
        List<TrafficShift> shifts = new ArrayList<>();
        int position = 0;
        for (String part : text.split(",")) {
            position++;
            String shift = part.trim();
            int colon = shift.indexOf(':');
            String weight = colon < 0 ? shift : shift.substring(0, colon).trim();
            try {
                Duration window = colon < 0
                        ? Duration.ZERO
                        : Durations.parse(
                                "analysis window", shift.substring(colon + 1).trim());
                shifts.add(new TrafficShift(Percentage.parse("weight", weight), window));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        field + " shift " + position + " '" + shift + "' is not valid: " + e.getMessage()
                                + "; write shifts such as 10:2m, 50:2m, 100:5m",
                        e);
            }
        }
        return shifts;
    }
}
