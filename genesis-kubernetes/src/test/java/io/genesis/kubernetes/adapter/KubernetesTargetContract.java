package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.DeploymentTargetContract;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The target contract on the mock API server: each layout creates what a team would have in its
 * namespace, the simulated cluster (realistic timings, on an injected clock) makes requested
 * changes real as a cluster's controllers and gateway would, and traffic is read the way the data
 * plane sees it: from the EndpointSlices of Services and the weights the gateway programmed.
 */
abstract class KubernetesTargetContract extends DeploymentTargetContract {

    static final DeploymentKey KEY = DeploymentKey.of("shop", "production");
    static final DeploymentContext CANDIDATE = new DeploymentContext("rollout-1", KEY, new Version("1.1.0"), "abcdef1");

    /**
     * How long {@link #settle()} lets the cluster run: well past a pod's start (schedule, pull,
     * probe), EndpointSlice propagation, a gateway's report and a rollout's batches.
     */
    private static final Duration SETTLE = Duration.ofMinutes(5);

    private final ManualClock clock = new ManualClock(EngineOnCluster.T0);
    private SimulatedCluster cluster;
    private DeploymentTarget target;
    private ClusterView pods;
    private String entry;
    private boolean throughRoute;

    /** The client the mock extension injected into the concrete class. */
    abstract KubernetesClient client();

    /**
     * Creates the layout's stable objects and returns the target settings that pick the layout,
     * beyond the namespace, Deployment and image every layout names.
     */
    abstract Map<String, String> createStable();

    @BeforeEach
    void startCluster() {
        Map<String, String> settings =
                new HashMap<>(Map.of("namespace", NS, "deployment", "shop", "image", "reg/shop:1.1.0"));
        settings.putAll(createStable());
        cluster = SimulatedCluster.settled(client(), NS, clock, Timings.realistic());
        // Users enter through the route when there is one, else through the Service.
        throughRoute = settings.containsKey("httpRoute");
        entry = throughRoute ? settings.get("httpRoute") : "shop";
        pods = ClusterView.throughService(client(), NS, entry);
        target = new KubernetesTargetFactory(client(), message -> {})
                .open(KEY, new TargetSpec(KubernetesTargetFactory.KIND, settings));
    }

    @Override
    protected DeploymentTarget target() {
        return target;
    }

    @Override
    protected String stableVersion() {
        return "1.0.0";
    }

    @Override
    protected DeploymentContext candidate() {
        return CANDIDATE;
    }

    @Override
    protected void settle() {
        clock.advance(SETTLE);
        cluster.catchUp();
    }

    @Override
    protected double trafficTo(String version) {
        String image = "reg/shop:" + version;
        double share = throughRoute
                ? cluster.traffic().routeShare(entry, image)
                : cluster.traffic().serviceShare(entry, image);
        return Math.round(share * 10_000) / 100.0;
    }

    @Override
    protected boolean runs(String version) {
        return pods.runs(version);
    }
}
