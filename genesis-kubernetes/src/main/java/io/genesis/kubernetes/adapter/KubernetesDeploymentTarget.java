package io.genesis.kubernetes.adapter;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.target.RollingUpdater;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TrafficRouter;
import io.genesis.kubernetes.route.WeightRouter;
import io.genesis.kubernetes.strategy.KubernetesStrategy;
import io.genesis.kubernetes.strategy.Observation;
import io.genesis.kubernetes.strategy.Release;
import io.genesis.kubernetes.strategy.RollingRollout;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine's {@link DeploymentTarget} port on a Kubernetes strategy: translates the engine's
 * context into a release, observations into health, and failures into {@link TargetException}s
 * that keep the adapter's message.
 */
public final class KubernetesDeploymentTarget implements DeploymentTarget {

    private final KubernetesStrategy strategy;
    private final String image;
    private final Optional<ManifestFolder> manifests;
    private final Duration scaleDownDelay;
    private final Consumer<DeploymentContext> fence;

    /**
     * A rolled-back candidate keeps running 30 s after traffic left it, as Argo Rollouts' default
     * scaleDownDelaySeconds "to ensure IP table propagation": kube-proxy on every node and gateways
     * follow EndpointSlices after a delay, and keep-alive connections stay where they are.
     */
    public static final Duration DEFAULT_SCALE_DOWN_DELAY = Duration.ofSeconds(30);

    public KubernetesDeploymentTarget(KubernetesStrategy strategy, String image) {
        this(strategy, image, Optional.empty(), DEFAULT_SCALE_DOWN_DELAY, context -> {});
    }

    /**
     * A target that applies {@code manifests}, when present, as part of deploying each candidate,
     * and keeps a rolled-back candidate {@code scaleDownDelay} after traffic left it. {@code fence}
     * runs before every call that may write, and throws once the rollout lost its lock.
     */
    KubernetesDeploymentTarget(
            KubernetesStrategy strategy,
            String image,
            Optional<ManifestFolder> manifests,
            Duration scaleDownDelay,
            Consumer<DeploymentContext> fence) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.image = Objects.requireNonNull(image, "image");
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.scaleDownDelay = Objects.requireNonNull(scaleDownDelay, "scaleDownDelay");
        this.fence = Objects.requireNonNull(fence, "fence");
    }

    @Override
    public String describe() {
        return "kubernetes " + strategy.describe();
    }

    /**
     * Applies the manifest folder, if any, then deploys the candidate. A repeat after a crash applies
     * the folder again, which changes nothing that is already as the folder says.
     */
    @Override
    public void deployCandidate(DeploymentContext context) {
        run(context, () -> {
            Release release = release(context);
            manifests.ifPresent(folder -> folder.apply(release, objects -> strategy.admit(objects, release)));
            strategy.deployCandidate(release);
        });
    }

    @Override
    public Health health(DeploymentContext context) {
        return health(call(context, () -> strategy.health(release(context))));
    }

    @Override
    public Health smokeCheck(DeploymentContext context) {
        return health(call(context, () -> strategy.smokeCheck(release(context))));
    }

    @Override
    public void promote(DeploymentContext context) {
        run(context, () -> strategy.promote(release(context)));
    }

    @Override
    public Health promoted(DeploymentContext context) {
        return health(call(context, () -> strategy.promoted(release(context))));
    }

    @Override
    public void scaleDownPrevious(DeploymentContext context) {
        run(context, () -> strategy.scaleDownPrevious(release(context)));
    }

    @Override
    public Health prepareRollback(DeploymentContext context) {
        return health(call(context, () -> strategy.prepareRollback(release(context))));
    }

    @Override
    public void rollback(DeploymentContext context) {
        run(context, () -> {
            strategy.rollback(release(context));
            manifests.ifPresent(folder -> folder.keptOnRollback(strategy.describe()));
        });
    }

    @Override
    public Health trafficRestored(DeploymentContext context) {
        return health(call(context, () -> strategy.trafficRestored(release(context))));
    }

    @Override
    public Duration abandonedScaleDownDelay() {
        return scaleDownDelay;
    }

    @Override
    public void retireCandidate(DeploymentContext context) {
        run(context, () -> strategy.retireCandidate(release(context)));
    }

    @Override
    public Optional<TrafficRouter> trafficRouter() {
        return strategy.router().map(Router::new);
    }

    @Override
    public Optional<RollingUpdater> rollingUpdater() {
        if (strategy instanceof RollingRollout rolling) {
            return Optional.of((context, share, bounds) -> run(context, () -> rollTo(rolling, context, share, bounds)));
        }
        return Optional.empty();
    }

    /**
     * The first batch call starts the update, later ones resume the Deployment paused at the end of
     * the previous batch. The manifest folder goes with the first call: the Deployment carries the
     * rollout only once the folder is applied, so later batches do not apply it again.
     */
    private void rollTo(RollingRollout rolling, DeploymentContext context, Percentage share, RollingBounds bounds) {
        Release release = release(context);
        if (manifests.isPresent() && !rolling.started(release)) {
            manifests
                    .get()
                    .apply(
                            release,
                            objects ->
                                    rolling.admit(objects, release, share, bounds.maxSurge(), bounds.maxUnavailable()));
        }
        rolling.rollTo(release, share, bounds.maxSurge(), bounds.maxUnavailable());
    }

    Release release(DeploymentContext context) {
        return new Release(context.rolloutId(), context.version().value(), image);
    }

    static Health health(Observation observation) {
        return switch (observation.state()) {
            case HEALTHY -> Health.healthy(observation.message());
            case PROGRESSING -> Health.progressing(observation.message());
            case UNHEALTHY -> Health.unhealthy(observation.message());
        };
    }

    private void run(DeploymentContext context, Runnable action) {
        run(() -> {
            fence.accept(context);
            action.run();
        });
    }

    private <T> T call(DeploymentContext context, Supplier<T> action) {
        return call(() -> {
            fence.accept(context);
            return action.get();
        });
    }

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (TargetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TargetException(e.getMessage(), e);
        }
    }

    /** The engine's traffic router port on a Kubernetes weight router. */
    private final class Router implements TrafficRouter {

        private final WeightRouter router;

        Router(WeightRouter router) {
            this.router = router;
        }

        @Override
        public void setWeight(DeploymentContext context, Percentage weight) {
            run(context, () -> router.setWeight(weight));
        }

        @Override
        public boolean verifyWeight(DeploymentContext context, Percentage weight) {
            return call(context, () -> router.verifyWeight(weight));
        }

        @Override
        public Health weightApplied(DeploymentContext context, Percentage weight) {
            return call(context, () -> router.weightApplied(weight));
        }
    }
}
