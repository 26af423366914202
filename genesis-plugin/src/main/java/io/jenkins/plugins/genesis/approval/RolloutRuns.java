package io.jenkins.plugins.genesis.approval;

import hudson.model.Run;
import java.util.Optional;

/**
 * Finds the build that started a rollout, so that its approval request shows on that build's page.
 * The controller's engine host implements it from what the deploy step recorded.
 */
public interface RolloutRuns {

    /** The build that started {@code rolloutId}, or empty when it is gone (deleted, or never a build). */
    Optional<Run<?, ?>> runOf(String rolloutId);
}
