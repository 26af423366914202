package io.genesis.core.rollout;

import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.InconclusiveAction;
import io.genesis.core.policy.Percentage;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.plan.Strategies;
import io.genesis.core.rollout.plan.StrategySettings;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.time.Durations;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How one rollout tunes its strategy and analysis, as a person writes it: the command line's
 * {@code --steps}, {@code --shifts}, {@code --keep-previous}, {@code --max-surge}, {@code
 * --max-unavailable}, {@code --sample-interval} and {@code --on-inconclusive}, and the same
 * parameters of the Jenkins deploy step. Both front doors read them here, so they accept and refuse
 * exactly the same values with the same wording; only the name of the field in a message differs
 * ({@link #CLI} writes {@code --max-surge}, {@link #SCRIPT} writes {@code maxSurge}).
 *
 * <p>Every field may be {@code null} (or blank): not given, so the strategy's own default holds.
 *
 * @param strategy blueGreen, canary, rolling or custom; {@code null} means blueGreen, or custom with steps
 * @param steps a custom plan, such as {@code deploy; smoke; weight 20; analyse 30s; promote}
 * @param shifts blueGreen or canary traffic shifts, such as {@code 10:30s, 50:30s, 100:1m}
 * @param keepPrevious how long blueGreen keeps the previous version, such as {@code 24h}
 * @param maxSurge rolling: instances above the desired count a batch may add, in percent
 * @param maxUnavailable rolling: instances that may be unavailable during a batch, in percent
 * @param sampleInterval how often analysis samples, such as {@code 30s}
 * @param onInconclusive pause, fail or roll-back when a sample has no data
 */
public record RolloutTuning(
        String strategy,
        String steps,
        String shifts,
        String keepPrevious,
        String maxSurge,
        String maxUnavailable,
        String sampleInterval,
        String onInconclusive) {

    /** Fields named as command-line options: {@code maxSurge} becomes {@code --max-surge}. */
    public static final UnaryOperator<String> CLI = RolloutTuning::option;

    /** Fields named as a Pipeline script writes them: {@code maxSurge} stays {@code maxSurge}. */
    public static final UnaryOperator<String> SCRIPT = UnaryOperator.identity();

    public RolloutTuning {
        strategy = blankToNull(strategy);
        steps = blankToNull(steps);
        shifts = blankToNull(shifts);
        keepPrevious = blankToNull(keepPrevious);
        maxSurge = blankToNull(maxSurge);
        maxUnavailable = blankToNull(maxUnavailable);
        sampleInterval = blankToNull(sampleInterval);
        onInconclusive = blankToNull(onInconclusive);
    }

    /** Nothing tuned: the strategy's defaults. */
    public static RolloutTuning defaults() {
        return new RolloutTuning(null, null, null, null, null, null, null, null);
    }

    /**
     * Everything read and checked at once, so that a bad value is refused before anything starts.
     *
     * @param naming how a field is named in a message ({@link #CLI} or {@link #SCRIPT})
     * @throws IllegalArgumentException naming the field, the value and what would be accepted
     */
    public Checked check(UnaryOperator<String> naming) {
        List<Step> custom = steps == null ? List.of() : StepParser.parse(steps);
        String name = strategy != null ? strategy : custom.isEmpty() ? "blueGreen" : "custom";
        StrategySettings settings = StrategySettings.DEFAULTS.withCustomSteps(custom);
        if (shifts != null) {
            settings = settings.withShifts(StrategySettings.parseShifts(naming.apply("shifts"), shifts));
        }
        if (keepPrevious != null) {
            settings = settings.withKeepPrevious(Durations.parse(naming.apply("keepPrevious"), keepPrevious));
        }
        if (maxSurge != null || maxUnavailable != null) {
            settings = settings.withRollingBounds(new RollingBounds(
                    maxSurge == null
                            ? RollingBounds.DEFAULT.maxSurge()
                            : Percentage.parse(naming.apply("maxSurge"), maxSurge),
                    maxUnavailable == null
                            ? RollingBounds.DEFAULT.maxUnavailable()
                            : Percentage.parse(naming.apply("maxUnavailable"), maxUnavailable)));
        }
        Strategies.named(name, settings);
        AnalysisThresholds analysis = AnalysisThresholds.defaults();
        if (sampleInterval != null) {
            analysis = analysis.withSampleInterval(Durations.parse(naming.apply("sampleInterval"), sampleInterval));
        }
        if (onInconclusive != null) {
            analysis = analysis.withOnInconclusive(InconclusiveAction.named(onInconclusive));
        }
        return new Checked(name, settings, analysis, custom);
    }

    /**
     * The tuning as the engine takes it.
     *
     * @param strategy the strategy's name
     * @param settings the strategy's settings
     * @param analysis how measurements are judged
     * @param customSteps the custom plan's steps, empty unless given
     */
    public record Checked(
            String strategy, StrategySettings settings, AnalysisThresholds analysis, List<Step> customSteps) {

        public Checked {
            customSteps = List.copyOf(customSteps);
        }

        /** Whether the plan waits for an approval of its own (a custom {@code approve} step). */
        public boolean asksForApproval() {
            return customSteps.stream().anyMatch(Step.AwaitApproval.class::isInstance);
        }
    }

    private static String option(String field) {
        StringBuilder option = new StringBuilder("--");
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                option.append('-').append(Character.toLowerCase(c));
            } else {
                option.append(c);
            }
        }
        return option.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
