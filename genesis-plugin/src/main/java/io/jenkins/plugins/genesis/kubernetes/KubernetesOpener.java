package io.jenkins.plugins.genesis.kubernetes;

import hudson.Extension;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.kubernetes.adapter.KubernetesTargetFactory;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.connect.ClientSettings;
import io.jenkins.plugins.genesis.JenkinsFacade;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import io.jenkins.plugins.genesis.deploy.TargetOpener;
import java.util.List;

/**
 * Opens Kubernetes targets for the controller's engine, with Jenkins' credentials, the global
 * configuration's environments and, when the Kubernetes plugin is installed, its clouds. The work is
 * {@link KubernetesTargets}'; this class only plugs Jenkins in.
 */
@Extension
public final class KubernetesOpener implements TargetOpener {

    @Override
    public String kind() {
        return KubernetesTargetFactory.KIND;
    }

    @Override
    public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        return new KubernetesTargets(
                        new ConfiguredTargets(GenesisConfiguration.get()),
                        RunCredentials::new,
                        KubernetesOpener::cloud,
                        new KubernetesConnector(ClientSettings.DEFAULT),
                        EventSink.logging())
                .open(key, spec);
    }

    private static io.fabric8.kubernetes.client.KubernetesClient cloud(String name) {
        List<CloudClients> clouds = JenkinsFacade.all(CloudClients.class);
        if (clouds.isEmpty()) {
            throw new IllegalArgumentException("cloud '" + name + "' is named, but the Kubernetes plugin, whose clouds"
                    + " these are, is not installed; fix: install it, or reach the cluster with credentialsId");
        }
        return clouds.get(0).connect(name);
    }
}
