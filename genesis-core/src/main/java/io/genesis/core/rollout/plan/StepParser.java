package io.genesis.core.rollout.plan;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads custom steps written on one line, separated by {@code ;} or new lines:
 * {@code deploy; smoke; weight 20; analyse 5m; approval; pause 10m; weight 100; promote; scaleDown 1h}.
 * Rolling batches read {@code batch 25 surge 25 unavailable 0}.
 */
public final class StepParser {

    private static final String KNOWN = "deploy, smoke, weight <percent>, batch <percent> [surge <percent>]"
            + " [unavailable <percent>], pause <duration>, approval, analyse <duration>, promote, scaleDown [<delay>]";

    private StepParser() {}

    public static List<Step> parse(String text) {
        List<Step> steps = new ArrayList<>();
        String[] parts = (text == null ? "" : text).split("[;\\n]");
        int position = 0;
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            position++;
            try {
                steps.add(parseOne(part.trim().split("\\s+")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "step " + position + " '" + part.trim() + "' is not valid: " + e.getMessage(), e);
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no steps given; write steps such as: " + KNOWN);
        }
        return steps;
    }

    private static Step parseOne(String[] words) {
        String kind = words[0].toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "deploy", "deploycandidate" -> noArgument(words, new Step.DeployCandidate());
            case "smoke", "smokecheck" -> noArgument(words, new Step.SmokeCheck());
            case "weight", "setweight" -> new Step.SetWeight(Percentage.parse("weight", argument(words)));
            case "batch", "rollingbatch" -> batch(words);
            case "pause" -> new Step.Pause(Durations.parse("pause", argument(words)));
            case "approval", "approve" -> noArgument(words, new Step.AwaitApproval());
            case "analyse", "analyze", "analysis" ->
                new Step.Analyse(Durations.parse("analysis window", argument(words)));
            case "promote" -> noArgument(words, new Step.Promote());
            case "scaledown", "scaledownprevious" ->
                new Step.ScaleDownPrevious(
                        words.length == 1 ? Duration.ZERO : Durations.parse("scale-down delay", argument(words)));
            default -> throw new IllegalArgumentException("unknown step '" + words[0] + "'; known: " + KNOWN);
        };
    }

    private static Step batch(String[] words) {
        Percentage share = Percentage.parse("batch share", argument(words));
        Percentage surge = RollingBounds.DEFAULT.maxSurge();
        Percentage unavailable = RollingBounds.DEFAULT.maxUnavailable();
        for (int i = 2; i + 1 < words.length; i += 2) {
            switch (words[i].toLowerCase(Locale.ROOT)) {
                case "surge" -> surge = Percentage.parse("maxSurge", words[i + 1]);
                case "unavailable" -> unavailable = Percentage.parse("maxUnavailable", words[i + 1]);
                default ->
                    throw new IllegalArgumentException(
                            "unknown batch setting '" + words[i] + "'; known: surge, unavailable");
            }
        }
        if (words.length % 2 != 0) {
            throw new IllegalArgumentException("batch settings come in pairs, such as 'surge 25 unavailable 0'");
        }
        return new Step.RollingBatch(share, new RollingBounds(surge, unavailable));
    }

    private static String argument(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("'" + words[0] + "' needs a value, such as '" + words[0] + " 10'");
        }
        if (words.length > 2
                && !words[0].toLowerCase(Locale.ROOT).startsWith("batch")
                && !words[0].equalsIgnoreCase("rollingBatch")) {
            throw new IllegalArgumentException("'" + words[0] + "' takes one value, got " + (words.length - 1));
        }
        return words[1];
    }

    private static Step noArgument(String[] words, Step step) {
        if (words.length > 1) {
            throw new IllegalArgumentException("'" + words[0] + "' takes no value");
        }
        return step;
    }
}
