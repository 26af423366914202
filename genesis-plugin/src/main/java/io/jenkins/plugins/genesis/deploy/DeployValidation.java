package io.jenkins.plugins.genesis.deploy;

import hudson.util.FormValidation;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.rollout.RolloutTuning;
import io.genesis.core.target.DeploymentKey;
import java.util.Optional;

/**
 * The deploy step's form checks: each asks core the very question the step asks when it runs, so
 * the form and the build refuse the same values with the same words.
 */
final class DeployValidation {

    private DeployValidation() {}

    /** A problem with the application's name, if any. */
    static Optional<String> checkApplication(String value) {
        try {
            new DeploymentKey(value == null ? "" : value.trim(), "production");
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A problem with the tuning options, if any, worded as the step would refuse them. */
    static Optional<String> checkTuning(RolloutTuning tuning) {
        try {
            tuning.check(RolloutTuning.SCRIPT);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A problem with the phase the step's block runs at, if any. */
    static Optional<String> checkHookPhase(String value) {
        try {
            if (value != null && !value.isBlank()) {
                HookPhase.parse("hookPhase", value.trim());
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A problem with the commit's time, if any: core's rule, as the step applies it. */
    static Optional<String> checkCommitTime(String value) {
        try {
            DeployTranslation.commitTime(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    static FormValidation answer(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
