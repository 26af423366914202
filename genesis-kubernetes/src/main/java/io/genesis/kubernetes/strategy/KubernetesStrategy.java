package io.genesis.kubernetes.strategy;

import io.genesis.kubernetes.manifest.Manifest;
import io.genesis.kubernetes.route.WeightRouter;
import java.util.List;
import java.util.Optional;

/**
 * One way of rolling a release out on Kubernetes, in the steps the engine drives. Every step is
 * idempotent: objects carry the rollout's id, so a step repeated after a crash finds its own work
 * and does not do it twice.
 */
public interface KubernetesStrategy {

    /** A short description for logs, such as {@code blue-green prod/shop}. */
    String describe();

    /**
     * The objects of the application's manifest folder as they are to be applied for {@code
     * release}, before its candidate is deployed. Objects this strategy manages itself are refused
     * with a {@link RolloutFailedException} that names the file, the object and the fix; nothing
     * has been written then.
     */
    List<Manifest> admit(List<Manifest> manifests, Release release);

    /** Starts the candidate beside stable, without user traffic; does not wait. */
    void deployCandidate(Release release);

    /** The candidate's rollout status, read once. */
    Observation health(Release release);

    /** Whether the candidate's pods are ready and reachable where smoke tests look for them. */
    Observation smokeCheck(Release release);

    /** Starts making the candidate stable, taking all traffic; sends the change and returns without waiting. */
    void promote(Release release);

    /** Whether promote is complete: the candidate stable and taking all traffic; polled by the engine. */
    default Observation promoted(Release release) {
        return Observation.healthy("the candidate took all traffic when promote was written");
    }

    /** Scales the previous version down, ending instant rollback to it. */
    void scaleDownPrevious(Release release);

    /**
     * Gets the version that was stable before {@code release} ready to take all traffic back and
     * says whether it is; {@link #rollback} switches only once this is healthy. Where the stable
     * version never stopped serving, it is ready.
     */
    default Observation prepareRollback(Release release) {
        return Observation.healthy("the stable version never stopped serving");
    }

    /**
     * Whether traffic is back on the stable version as what serves it shows, after {@link
     * #rollback}; healthy where rollback itself waited for it.
     */
    default Observation trafficRestored(Release release) {
        return Observation.healthy("traffic returned when the rollback was written");
    }

    /** Sends all traffic back to the version that was stable before this release; returns once it is back. */
    void rollback(Release release);

    /** Scales down what a rolled-back release left running; nothing to do where rollback replaced it in place. */
    default void retireCandidate(Release release) {}

    /** The traffic router, when this strategy splits traffic by weight. */
    Optional<WeightRouter> router();
}
