package io.jenkins.plugins.genesis.approval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which running step of a build waits for a rollout. A step that says so ({@link WaitsForRollout})
 * is taken at its word; when no step of the build says anything, the one {@code genesisDeploy}
 * step running is taken; anything else (several deploys that do not say which rollout they wait
 * for) is ambiguous, and no node is chosen rather than the wrong one.
 */
final class WaitingStepChoice {

    /** The step function whose node waits when nothing more precise is known. */
    static final String DEPLOY_FUNCTION = "genesisDeploy";

    private WaitingStepChoice() {}

    /**
     * One running step of the build.
     *
     * @param rolloutId the rollout it says it waits for, or {@code null} when it does not say
     * @param functionName the step's function name, such as {@code genesisDeploy}
     * @param handle what the caller needs of it
     */
    record Candidate<T>(String rolloutId, String functionName, T handle) {}

    static <T> Optional<T> choose(List<Candidate<T>> running, String rolloutId) {
        Optional<T> exact = running.stream()
                .filter(c -> rolloutId.equals(c.rolloutId()))
                .map(Candidate::handle)
                .findFirst();
        if (exact.isPresent() || running.stream().anyMatch(c -> c.rolloutId() != null)) {
            return exact;
        }
        List<T> deploys = running.stream()
                .filter(c -> Objects.equals(DEPLOY_FUNCTION, c.functionName()))
                .map(Candidate::handle)
                .toList();
        return deploys.size() == 1 ? Optional.of(deploys.get(0)) : Optional.empty();
    }
}
