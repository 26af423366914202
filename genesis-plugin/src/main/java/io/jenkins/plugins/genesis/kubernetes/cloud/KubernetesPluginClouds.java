package io.jenkins.plugins.genesis.kubernetes.cloud;

import hudson.Extension;
import hudson.slaves.Cloud;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.genesis.JenkinsFacade;
import io.jenkins.plugins.genesis.kubernetes.CloudClients;
import java.io.IOException;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;

/**
 * The clients of the Kubernetes plugin's clouds. The only class that names the Kubernetes plugin
 * (an optional dependency): Jenkins leaves this {@code @Extension(optional = true)} out when the
 * plugin is not installed, and the rest of Genesis loads without it.
 */
@Extension(optional = true)
public final class KubernetesPluginClouds implements CloudClients {

    @Override
    public KubernetesClient connect(String name) {
        Cloud cloud = JenkinsFacade.cloud(name);
        if (!(cloud instanceof KubernetesCloud kubernetes)) {
            throw new IllegalArgumentException("cloud '" + name + "' is "
                    + (cloud == null
                            ? "not configured"
                            : "not a Kubernetes cloud (" + cloud.getClass().getSimpleName() + ")")
                    + "; fix: name a Kubernetes cloud of Manage Jenkins, Clouds in the environment's target, or use"
                    + " credentialsId");
        }
        try {
            return kubernetes.connect();
        } catch (KubernetesAuthException | IOException e) {
            // The cloud's own message may quote its credential's content: only the kind of failure goes on.
            throw new IllegalArgumentException(
                    "cloud '" + name + "' cannot connect (" + e.getClass().getSimpleName()
                            + "); fix: check the cloud's credentials and server with its Test Connection button under Manage"
                            + " Jenkins, Clouds");
        }
    }
}
