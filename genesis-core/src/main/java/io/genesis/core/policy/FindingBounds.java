package io.genesis.core.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * How many security findings an environment accepts, per severity and for secrets; an absent bound
 * is not gated. A request may only tighten them: a smaller number, or a bound the environment does
 * not set.
 *
 * @param critical the most critical findings accepted
 * @param high the most high findings accepted
 * @param medium the most medium findings accepted
 * @param low the most low findings accepted
 * @param secrets the most secrets accepted (from secret scanners)
 */
public record FindingBounds(
        OptionalLong critical, OptionalLong high, OptionalLong medium, OptionalLong low, OptionalLong secrets) {

    /** Nothing gated. */
    public static final FindingBounds NONE = new FindingBounds(
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty());

    /** The release guide's bar for production: no critical or high findings, no secrets. */
    public static final FindingBounds PRODUCTION =
            NONE.with("critical", 0).with("high", 0).with("secrets", 0);

    /** The release guide's bar for staging: no secrets. */
    public static final FindingBounds STAGING = NONE.with("secrets", 0);

    /**
     * The bounds of an environment whose configuration sets none: the release guide's for
     * {@code production} and {@code staging}, none for any other name.
     */
    public static FindingBounds defaultFor(String environment) {
        return switch (environment) {
            case "production" -> PRODUCTION;
            case "staging" -> STAGING;
            default -> NONE;
        };
    }

    /** The names of the bounds, as configuration and criteria spell them. */
    public static final java.util.List<String> NAMES =
            java.util.List.of("critical", "high", "medium", "low", "secrets");

    public FindingBounds {
        requireNotNegative("critical", critical);
        requireNotNegative("high", high);
        requireNotNegative("medium", medium);
        requireNotNegative("low", low);
        requireNotNegative("secrets", secrets);
    }

    /** The bound called {@code name} (one of {@link #NAMES}). */
    public OptionalLong get(String name) {
        return switch (name) {
            case "critical" -> critical;
            case "high" -> high;
            case "medium" -> medium;
            case "low" -> low;
            case "secrets" -> secrets;
            default -> throw unknown(name);
        };
    }

    /** These bounds with {@code name} set to {@code max}. */
    public FindingBounds with(String name, long max) {
        OptionalLong value = OptionalLong.of(max);
        return switch (name) {
            case "critical" -> new FindingBounds(value, high, medium, low, secrets);
            case "high" -> new FindingBounds(critical, value, medium, low, secrets);
            case "medium" -> new FindingBounds(critical, high, value, low, secrets);
            case "low" -> new FindingBounds(critical, high, medium, value, secrets);
            case "secrets" -> new FindingBounds(critical, high, medium, low, value);
            default -> throw unknown(name);
        };
    }

    /** Whether no bound is set. */
    public boolean isEmpty() {
        return NAMES.stream().allMatch(name -> get(name).isEmpty());
    }

    /**
     * These bounds tightened by {@code asked}.
     *
     * @param environment the environment's name, for the message
     * @throws IllegalArgumentException when {@code asked} allows more than these bounds, naming the
     *     bound, both values and the fix
     */
    public FindingBounds tightenedBy(FindingBounds asked, String environment) {
        FindingBounds result = this;
        for (String name : NAMES) {
            OptionalLong wanted = asked.get(name);
            if (wanted.isEmpty()) {
                continue;
            }
            OptionalLong current = get(name);
            if (current.isPresent() && wanted.getAsLong() > current.getAsLong()) {
                throw new IllegalArgumentException("at most " + wanted.getAsLong() + " " + name
                        + " findings is more than " + environment + " allows (" + current.getAsLong() + "); a"
                        + " pipeline may only tighten finding bounds: remove the setting or ask for "
                        + current.getAsLong() + " or fewer");
            }
            result = result.with(name, wanted.getAsLong());
        }
        return result;
    }

    /** The bounds that are set, as {@code 0 critical, 0 high, 0 secrets}. */
    public String describe() {
        return String.join(
                ", ",
                NAMES.stream()
                        .filter(name -> get(name).isPresent())
                        .map(name -> get(name).getAsLong() + " " + name)
                        .toList());
    }

    /** Reads bounds by name through {@code lookup}; a name it gives nothing for stays unset. */
    public static FindingBounds of(Function<String, Optional<Long>> lookup) {
        FindingBounds bounds = NONE;
        for (String name : NAMES) {
            Optional<Long> value = Objects.requireNonNull(lookup.apply(name), name);
            if (value.isPresent()) {
                bounds = bounds.with(name, value.get());
            }
        }
        return bounds;
    }

    private static void requireNotNegative(String name, OptionalLong value) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && value.getAsLong() < 0) {
            throw new IllegalArgumentException(
                    "the bound on " + name + " findings must not be negative, got " + value.getAsLong());
        }
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException(
                "unknown finding bound '" + name + "'; known bounds: " + String.join(", ", NAMES));
    }
}
