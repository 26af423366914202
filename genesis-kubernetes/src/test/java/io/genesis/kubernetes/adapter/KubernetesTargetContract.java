package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.DeploymentTargetContract;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.DeploymentController;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The target contract on the mock API server: each layout creates what a team would have in its
 * namespace, the stand-in Deployment controller and gateway make requested changes real, and
 * traffic is read from Services, pods and the route.
 */
abstract class KubernetesTargetContract extends DeploymentTargetContract {

    static final DeploymentKey KEY = DeploymentKey.of("shop", "production");
    static final DeploymentContext CANDIDATE = new DeploymentContext("rollout-1", KEY, new Version("1.1.0"), "abcdef1");

    private DeploymentController controller;
    private DeploymentTarget target;
    private ClusterView view;

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
        controller = new DeploymentController(client(), NS);
        controller.reconcileAll();
        if ("canary".equals(settings.get("strategy"))) {
            // The controller also acts on its own, as in a cluster, between the contract's settle() calls.
            controller.start();
        }
        // Users enter through the route when there is one, else through the Service.
        view = settings.containsKey("httpRoute")
                ? ClusterView.throughRoute(client(), NS, settings.get("httpRoute"))
                : ClusterView.throughService(client(), NS, "shop");
        view.acceptRoute();
        target = new KubernetesTargetFactory(client(), message -> {})
                .open(KEY, new TargetSpec(KubernetesTargetFactory.KIND, settings));
    }

    @AfterEach
    void stopController() throws InterruptedException {
        controller.close();
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
        controller.reconcileAll();
        view.acceptRoute();
    }

    @Override
    protected double trafficTo(String version) {
        return view.trafficTo(version);
    }

    @Override
    protected boolean runs(String version) {
        return view.runs(version);
    }
}
